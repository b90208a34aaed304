package org.foiflow.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PageImagesTest {

  @Test
  void anUprightPageIsAsWideAsItsCropBox() throws IOException {
    byte[] pdf = SamplePdfs.standardFont();

    assertThat(PageImages.sizes(pdf)).singleElement().satisfies(size -> {
      assertThat(size.page()).isEqualTo(1);
      assertThat(size.width()).isCloseTo(595.3, within(0.1));
      assertThat(size.height()).isCloseTo(841.9, within(0.1));
    });
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(PageImages.png(pdf, 1, 72)));
    assertThat(png.getWidth()).isEqualTo(595);
    assertThat(png.getHeight()).isEqualTo(841);
  }

  @Test
  void aRotatedPageHasItsWidthAndHeightSwapped() throws IOException {
    byte[] pdf = SamplePdfs.rotated();

    assertThat(PageImages.sizes(pdf)).singleElement().satisfies(size -> {
      assertThat(size.width()).isCloseTo(841.9, within(0.1));
      assertThat(size.height()).isCloseTo(595.3, within(0.1));
    });
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(PageImages.png(pdf, 1, 36)));
    assertThat(png.getWidth()).isGreaterThan(png.getHeight());
    assertThat(png.getWidth()).isCloseTo(421, within(1));
  }

  @Test
  void aPageTheDocumentDoesNotHaveIsRefused() {
    assertThatThrownBy(() -> PageImages.png(SamplePdfs.standardFont(), 2, 96))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page 2");
  }
}
