package org.foiflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FoiflowApplication {

  public static void main(String[] args) {
    SpringApplication.run(FoiflowApplication.class, args);
  }
}
