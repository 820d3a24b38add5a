package nrw.kinetz.authserver.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretNameTests {

    @Test
    void aClientSecretIsOverriddenByKinetzSecretWithTheClientIdInUpperCaseAndUnderscores() {
        assertThat(SecretName.clientSecret("ki-05974"))
                .isEqualTo(new SecretName("client.ki-05974.secret", "KINETZ_SECRET_KI_05974"));
        assertThat(SecretName.clientSecret("laki").environmentVariable()).isEqualTo("KINETZ_SECRET_LAKI");
    }

    @Test
    void aUserPasswordIsOverriddenByKinetzPassword() {
        assertThat(SecretName.userPassword("ki-05974"))
                .isEqualTo(new SecretName("user.ki-05974.password", "KINETZ_PASSWORD_KI_05974"));
    }
}
