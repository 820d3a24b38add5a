package nrw.kinetz.authserver.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import nrw.kinetz.authserver.secret.SecretName;
import nrw.kinetz.model.Role;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.reference.KiSites;

class AccountsTests {

    private final Accounts accounts = Accounts.devstack();

    @Test
    void thereIsAClientForTheLakiTheViewerAndEachOfThe54Sites() {
        assertThat(accounts.clients()).hasSize(2 + 54);
        assertThat(accounts.client("laki")).contains(new Account("laki", Role.LAKI, null));
        assertThat(accounts.client("viewer")).contains(new Account("viewer", Role.VIEWER, null));
        assertThat(KiSites.all()).allSatisfy(site -> assertThat(accounts.client("ki-" + site.siteId().value()))
                .contains(new Account("ki-" + site.siteId().value(), Role.KI, site.siteId())));
        assertThat(accounts.client("ki-05334002")).isPresent();
    }

    @Test
    void theDashboardIsNoAccountOfItsOwnBecauseItActsForThePersonSignedIn() {
        assertThat(accounts.client(Accounts.DASHBOARD_CLIENT_ID)).isEmpty();
        assertThat(accounts.secretNames()).contains(SecretName.clientSecret("dashboard"));
    }

    @Test
    void thereIsOneSignInUserPerRole() {
        assertThat(accounts.users()).extracting(Account::name).containsExactly("laki", "viewer", "ki-05974");
        assertThat(accounts.users()).extracting(Account::role).containsExactly(Role.LAKI, Role.VIEWER, Role.KI);
        assertThat(accounts.user("ki-05974").orElseThrow().site()).isEqualTo(SiteId.of("05974"));
    }

    @Test
    void everyClientAndUserHasASecret() {
        assertThat(accounts.secretNames()).hasSize(56 + 1 + 3).doesNotHaveDuplicates()
                .contains(SecretName.clientSecret("ki-05974"), SecretName.userPassword("ki-05974"));
    }

    @Test
    void unknownNamesAreNoAccounts() {
        assertThat(accounts.client("ki-05999")).isEmpty();
        assertThat(accounts.user("ki-05978")).isEmpty();
    }

    @Test
    void aKiAccountCarriesItsSiteAndNoOtherRoleHasOne() {
        assertThat(Account.ki(SiteId.of("05974")).rolesClaim()).isEqualTo(List.of("ki"));
        assertThat(Account.ki(SiteId.of("05974")).siteClaim()).contains("05974");
        assertThat(Account.laki().siteClaim()).isEmpty();
        assertThatThrownBy(() -> new Account("laki", Role.LAKI, SiteId.of("05974")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Account("ki-05974", Role.KI, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
