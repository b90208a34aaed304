package org.foiflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class UserTextTest {

  @Test
  void wordsManualLineBreakAndFormFeedBecomeLineBreaks() {
    assertThat(UserText.normalise("first\u000Bsecond\u000Cthird")).isEqualTo("first\nsecond\nthird");
  }

  @Test
  void tabsAndLineEndingsStay() {
    assertThat(UserText.normalise("a\tb\r\nc\nd\re")).isEqualTo("a\tb\r\nc\nd\re");
  }

  @Test
  void otherControlCharactersAndNulGo() {
    assertThat(UserText.normalise("a\u0000b\u0001c\u001Bd\u007Fe\u0085f\u009Fg")).isEqualTo("abcdefg");
  }

  @Test
  void loneSurrogatesBecomeTheReplacementCharacter() {
    assertThat(UserText.normalise("x\uD800y")).isEqualTo("x\uFFFDy");
    assertThat(UserText.normalise("x\uDC00y")).isEqualTo("x\uFFFDy");
    assertThat(UserText.normalise("end\uD800")).isEqualTo("end\uFFFD");
    assertThat(UserText.normalise("\uDC00\uD800")).isEqualTo("\uFFFD\uFFFD");
  }

  @Test
  void pairedSurrogatesStay() {
    String emoji = "thanks \uD83D\uDE00 and \uD835\uDD04";
    assertThat(UserText.normalise(emoji)).isEqualTo(emoji);
  }

  @Test
  void nonCharactersGo() {
    assertThat(UserText.normalise("a\uFFFEb\uFFFFc")).isEqualTo("abc");
  }

  @Test
  void cleanTextIsReturnedAsItIs() {
    String clean = "Please send the £450 cost-limit policy – “all of it”.\n\nThanks";
    assertThat(UserText.normalise(clean)).isSameAs(clean);
    assertThat(UserText.normalise(null)).isNull();
    assertThat(UserText.normalise("")).isEmpty();
  }

  @Test
  void everyCharOfTheBasicPlaneComesOutAsXmlAccepts() throws Exception {
    StringBuilder all = new StringBuilder();
    for (int c = 0; c <= 0xFFFF; c++) {
      all.append((char) c);
    }
    String normalised = UserText.normalise(all.toString());
    // a parser throws on any character XML 1.0 does not allow
    DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new InputSource(new StringReader("<p>" + normalised.replace("&", "&amp;").replace("<", "&lt;") + "</p>")));
  }
}
