package nrw.kinetz.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.Field;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.Regierungsbezirk;
import tools.jackson.core.JacksonException;

class CodeListDeserializersTests {

    @Test
    void everyConstantTheFactoryAnswersForItsNameIsReadFromTheMap() {
        assertThat(CodeListDeserializers.exactNames(Field.class)).hasSize(Field.values().length);
        assertThat(CodeListDeserializers.exactNames(Program.class)).hasSize(Program.values().length);
        assertThat(EventJson.mapper().readValue("\"BILDUNG\"", Field.class)).isSameAs(Field.BILDUNG);
        assertThat(EventJson.mapper().readValue("\"BERATUNG\"", ActivityType.class)).isSameAs(ActivityType.BERATUNG);
    }

    @Test
    void anyOtherTextGoesToTheFactoryWithItsLeniencyAndItsMessage() {
        assertThat(EventJson.mapper().readValue("\" bildung \"", Field.class)).isSameAs(Field.BILDUNG);
        assertThat(EventJson.mapper().readValue("\"ARNSBERG\"", Regierungsbezirk.class))
                .isSameAs(Regierungsbezirk.parse("ARNSBERG"));
        assertThatThrownBy(() -> EventJson.mapper().readValue("\"KUNST\"", Field.class))
                .isInstanceOf(JacksonException.class).hasMessageContaining("is not a field");
    }
}
