package org.foiflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestLetterTest {

  private static final String ASKED = "Please send me the number of potholes repaired in 2025, by ward.";

  @Test
  void aWhatDoTheyKnowLetterIsTheRequestAlone() {
    String letter = "Dear Example Borough Council,\n\n" + ASKED + "\n\nYours faithfully,\n\nAnna Smith\n\n"
        + "-------------------------------------------------------------------\n\n"
        + "Please use this email address for all replies to this request:\nrequest-812345-1a2b3c4d@whatdotheyknow.com\n";
    assertThat(RequestLetter.asked(letter)).isEqualTo(ASKED);
  }

  @Test
  void anEmailWithAnotherGreetingAndSignOffIsTheSameRequest() {
    assertThat(RequestLetter.asked("Hello,\n" + ASKED + "\nKind regards\nBob Jones")).isEqualTo(ASKED);
    assertThat(RequestLetter.asked("To whom it may concern:\n\n" + ASKED)).isEqualTo(ASKED);
  }

  @Test
  void thanksWithinTheRequestStays() {
    String letter = ASKED + "\nThank you for the spreadsheet you sent last year; the same format would help.";
    assertThat(RequestLetter.asked(letter)).isEqualTo(letter);
  }

  @Test
  void aLetterThatIsOnlyCourtesiesIsKeptAsItIs() {
    assertThat(RequestLetter.asked("Thanks")).isEqualTo("Thanks");
    assertThat(RequestLetter.asked(null)).isNull();
  }
}
