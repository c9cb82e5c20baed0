package dev.monitor.it.springboot;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Petclinic's {@code /oups}: a handler that throws, which Spring rethrows inside a ServletException. */
@RestController
public class CrashController {

  @GetMapping("/oups")
  String oups() {
    throw new RuntimeException("Expected: controller used to showcase what happens when an exception is thrown");
  }
}
