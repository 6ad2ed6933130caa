package health.wearables.adapters.rest.out.provider.data;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.ProviderData.Cursor;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PositionTest {

    @Test
    void a_position_survives_its_cursor_whatever_the_providers_token_holds() {
        for (Position position : new Position[] {
            Position.START,
            new Position(2, 5, Optional.empty()),
            new Position(1, 0, Optional.of("MTIzOjEyMzEyMw")),
            new Position(0, 3, Optional.of("a b/c+d=é.?&")),
            new Position(3, 0, Optional.of("120"))
        }) {
            assertThat(Position.of(position.cursor())).contains(position);
        }
    }

    @Test
    void a_cursor_of_another_form_is_no_position() {
        for (String text : new String[] {"", "x", "1", "1.", "1.2.", "-1.0", "1.2.!!", "1.2.a.b", "99999.0"}) {
            assertThat(Position.of(new Cursor(text))).as(text).isEmpty();
        }
    }
}
