package org.trdcds.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headless Debian Chromium driven by Debian's chromedriver, both at fixed paths: nothing is downloaded at run time
 * (with the browser and the driver given, Selenium Manager is never asked). Without them the browser tests are
 * skipped with one line, unless CI=true, where they are required.
 */
final class Browser {

    /** Debian's paths; -Dbrowser.chromium=... and -Dbrowser.chromedriver=... name others. */
    static final List<Path> CHROMIUM = System.getProperty("browser.chromium") != null
            ? List.of(Path.of(System.getProperty("browser.chromium")))
            : List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));

    static final Path DRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final Logger log = LoggerFactory.getLogger(Browser.class);
    private static final AtomicBoolean SKIP_REPORTED = new AtomicBoolean();
    /**
     * Selenium warns through java.util.logging that it has no CDP (DevTools) bindings for this Chromium: the tests
     * use WebDriver only, so its messages below SEVERE are dropped (held here: JUL keeps loggers weakly).
     */
    private static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM.setLevel(java.util.logging.Level.SEVERE);
    }

    private Browser() {}

    static final String SKIPPED = "Browser tests skipped: Debian's chromium and chromium-driver are not installed "
            + "(apt-get install -y chromium chromium-driver; required when CI=true)";

    /**
     * For {@code @EnabledIf}: true when Chromium and its driver are installed, or when CI=true (the tests then run
     * and fail on the missing browser). False skips the class before its application starts; the skip is reported
     * once, on the console.
     */
    static boolean availableOrRequired() {
        if (chromium() != null && Files.isExecutable(DRIVER) || required()) {
            return true;
        }
        if (SKIP_REPORTED.compareAndSet(false, true)) {
            log.warn(SKIPPED);
        }
        return false;
    }

    private static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static Path chromium() {
        return CHROMIUM.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    /** A headless Chromium; a missing Chromium or driver skips the test, or fails it when CI=true. */
    static WebDriver start() {
        Path chromium = chromium();
        if (chromium == null || !Files.isExecutable(DRIVER)) {
            String missing = "the browser tests need Debian's chromium and chromium-driver (" + CHROMIUM.get(0) + ", "
                    + DRIVER + "): apt-get install -y chromium chromium-driver";
            if (required()) {
                Assertions.fail("CI=true and " + missing);
            }
            Assumptions.abort(missing);
        }
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1366,900",
                "--hide-scrollbars",
                "--disable-extensions",
                "--no-first-run");
        return new ChromeDriver(service, options);
    }

    /** Saves what the browser shows under target/screenshots/&lt;name&gt;.png and returns the file. */
    static Path screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Path shot =
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            return Files.move(shot, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
