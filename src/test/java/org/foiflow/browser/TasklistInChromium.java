package org.foiflow.browser;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A story told in one browser: the application on a free port with the demo users, and one Chromium with
 * Tasklist open on it for all of a class's steps (so a step can go on where the last one left off).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TasklistInChromium {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  Chromium chromium;
  Tasklist tasklist;

  @BeforeAll
  void browser() {
    chromium = Chromium.start();
    tasklist = new Tasklist(chromium.driver(), url(""), engine.getName());
  }

  @AfterAll
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  /** A page of the application under test, e.g. url("/cases"). */
  String url(String path) {
    return "http://localhost:" + port + path;
  }
}
