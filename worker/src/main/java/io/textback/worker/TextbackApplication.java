package io.textback.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling // ConversationReconciler
public class TextbackApplication {
  public static void main(String[] args) {
    SpringApplication.run(TextbackApplication.class, args);
  }
}
