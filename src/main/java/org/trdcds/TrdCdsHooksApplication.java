package org.trdcds;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TrdCdsHooksApplication {
    public static void main(String[] args) {
        SpringApplication.run(TrdCdsHooksApplication.class, args);
    }
}
