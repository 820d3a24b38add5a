package nrw.kinetz.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.activity.ActivityMetrics;
import tools.jackson.core.JacksonException;

class ConstructorCreatorsTests {

    @Test
    void aRecordsConstructorBecomesOneHandleTakingTheArgumentsAsAnArray() throws Throwable {
        var handle = ConstructorCreators.spread(ActivityMetrics.class.getDeclaredConstructor(int.class, int.class, int.class, int.class));

        assertThat(handle).isNotNull();
        assertThat((Object) handle.invokeExact(new Object[] {12, 3, 1, 2})).isEqualTo(new ActivityMetrics(12, 3, 1, 2));
    }

    @Test
    void payloadRecordsAreReadThroughTheirConstructorWithItsChecks() {
        assertThat(EventJson.mapper().readValue("{\"participants\":12,\"volunteers\":3,\"sessions\":1,\"hours\":2}",
                ActivityMetrics.class)).isEqualTo(new ActivityMetrics(12, 3, 1, 2));
        assertThatThrownBy(() -> EventJson.mapper().readValue("{\"participants\":12}", ActivityMetrics.class))
                .isInstanceOf(JacksonException.class).hasMessageContaining("volunteers");
        assertThatThrownBy(() -> EventJson.mapper().readValue(
                "{\"participants\":-1,\"volunteers\":3,\"sessions\":1,\"hours\":2}", ActivityMetrics.class))
                .isInstanceOf(JacksonException.class).hasMessageContaining("participants must be ≥ 0, was -1");
    }

    @Test
    void theConstructorIsCalledThroughTheHandleNotThroughJacksonsOwnCall() {
        assertThatThrownBy(() -> EventJson.mapper().readValue(
                "{\"participants\":1,\"volunteers\":-3,\"sessions\":1,\"hours\":2}", ActivityMetrics.class))
                .satisfies(e -> assertThat(e.getCause().getStackTrace())
                        .anyMatch(frame -> frame.getClassName().equals(ConstructorCreators.Spread.class.getName()))
                        .noneMatch(frame -> frame.getMethodName().equals("invokeWithArguments")));
    }
}
