package org.drcc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console in headless Chromium (Debian's chromium and chromedriver), against the real suite: sign in
 * with the token of dr login, declare an incident, see a refused step's reason, see the timeline take a note made
 * elsewhere without a reload, and walk the incident to CLOSED through the buttons, the restore step restoring the
 * offered newest verified backup from the room and following it live. Each page's screenshot goes to
 * {@code target/console-screenshots}, the room also at a phone's width (no sideways scroll).
 */
final class ConsoleWalk implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);
    /**
     * How long a click waits for its answer before it is taken as lost and clicked again, and how often. A lost click
     * (see {@link #clickUntil}) costs this long, where it cost {@link #WAIT} before: about two minutes of a walk that
     * lost six. A click answered later than this is sent twice, and the second is refused (the item is ticked, the
     * phase reached), which the walk then sees as done; the budget stays a minute.
     */
    private static final Duration ANSWER = Duration.ofSeconds(4);
    private static final int CLICKS = 15;

    /**
     * In the page: the answer to the first POST of the declaration form reaches htmx as a network error, with the
     * redirect it carried kept in {@code window.lostAnswer} (htmx sets its handlers before it sends).
     */
    private static final String LOSE_THE_FIRST_DECLARATIONS_ANSWER = """
            var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
            XMLHttpRequest.prototype.open = function (method, url) {
              this.declaration = method.toUpperCase() === 'POST' && /\\/incidents$/.test(url);
              return open.apply(this, arguments);
            };
            XMLHttpRequest.prototype.send = function () {
              var xhr = this;
              if (xhr.declaration && !window.lostAnswer) {
                var failed = xhr.onerror;
                xhr.onload = function () { window.lostAnswer = xhr.getResponseHeader('HX-Redirect'); failed.call(xhr); };
              }
              return send.apply(this, arguments);
            };""";

    private final String console;
    private final String incidentApi;
    private final String statusPage;
    private final String token;
    private final WebDriver browser;
    private final WebDriverWait wait;
    private final WebDriverWait answer;
    /** For what an action or an event shows: longer than the room's own 30 s re-read, which any event shortens. */
    private final WebDriverWait settle;
    private final HttpClient http = HttpClient.newHttpClient();

    ConsoleWalk(String console, String incidentApi, String notificationApi, String token) throws Exception {
        this.console = console;
        this.incidentApi = incidentApi;
        this.statusPage = notificationApi == null ? null : notificationApi + "/status";
        this.token = token;
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions().addArguments("--headless=new", "--no-sandbox",
                "--disable-dev-shm-usage", "--window-size=1280,1400");
        which("chromium").ifPresent(chromium -> options.setBinary(chromium.toFile()));
        // Debian's chromedriver, found on the PATH: Selenium Manager would download one from the internet
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(which("chromedriver").map(Path::toFile)
                        .orElseThrow(() -> new IllegalStateException("chromedriver is not on the PATH (Debian: chromium-driver)")))
                .build();
        this.browser = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(browser, WAIT);
        this.answer = new WebDriverWait(browser, ANSWER);
        answer.ignoring(StaleElementReferenceException.class); // the room re-rendered under the question: ask again
        this.settle = new WebDriverWait(browser, Duration.ofSeconds(60));
        settle.ignoring(StaleElementReferenceException.class);
    }

    /** A browser on the console only, for the production sign-in. */
    static ConsoleWalk at(String console) throws Exception {
        return new ConsoleWalk(console, null, null, null);
    }

    /**
     * Production (profile {@code prod}): the console sends the browser to the identity provider at {@code idp}
     * ({@code host:port}), whose own login page takes the person's user name and password and sends it back, signed in,
     * to the incident board, which incident-service filled with the token the provider gave.
     */
    void signInAtTheIdentityProvider(String idp, String user, String password) {
        browser.get(console + "/");
        wait.until(ExpectedConditions.urlContains(idp + "/realms/dr/protocol/openid-connect/auth"));
        assertThat(browser.getCurrentUrl()).as("PKCE").contains("code_challenge_method=S256");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        screenshot("signin-identity-provider");
        browser.findElement(By.id("kc-login")).click();
        wait.withMessage(() -> "the board after the login; the page reads:\n" + browser.findElement(By.tagName("body")).getText())
                .until(ExpectedConditions.presenceOfElementLocated(By.id("declare")));
        assertThat(browser.getCurrentUrl()).startsWith(console + "/");
        waitFor(By.tagName("body"), user);
        assertThat(browser.findElements(By.cssSelector("#scenario option[value=database-corruption]")))
                .as("the scenarios, read from incident-service with the provider's token").isNotEmpty();
        screenshot("board-signed-in-at-identity-provider");
    }

    void walk() throws Exception {
        signIn();
        String id = declare();
        aRefusedStepShowsThePlansReason();
        theTimelineTakesANoteMadeElsewhereWithoutAReload(id);
        browser.findElement(By.id("person")).sendKeys("ida");
        browser.findElement(By.id("assign")).click();
        waitFor(By.cssSelector(".roles"), "ida");
        waive("network-configured", "No network change needed: same site");
        tickAll("ASSESSMENT");
        step("ASSESSED");
        tickAll("CONTAINMENT");
        step("CONTAINED");
        // the restore proves these two itself
        tickAll("RECOVERY", "database-restored", "data-verified");
        restoreFromTheRoomAndRecordIt();
        waitFor(By.id("timeline"), "RESTORED");
        screenshot("room");
        atPhoneWidth();
        tickAll("VALIDATION");
        step("VALIDATED");
        tickAll("COMMUNICATION");
        tickAll("POST_RECOVERY");
        step("CLOSED");
        screenshot("room-closed");
        browser.get(console + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("board")));
        assertThat(browser.findElements(By.id("incident-" + id))).as("a closed incident leaves the board").isEmpty();
        theOtherPages();
    }

    /**
     * The newest verified backup before the suspected start is offered and chosen; "Restore now" starts its restore,
     * which the room follows live (backup-service's events, no reload) until restored with its checks; recording the
     * step with it makes it linked evidence, which ticks database-restored and data-verified with their events.
     */
    private void restoreFromTheRoomAndRecordIt() throws InterruptedException {
        wait.until(d -> d.findElement(By.cssSelector("#form-RESTORED input[name=backup]")).isSelected());
        screenshot("room-restore-offered");
        ((JavascriptExecutor) browser).executeScript("window.__sameDocument = true;");
        clickUntil(By.id("restore-now"), d -> !d.findElements(By.cssSelector("#restores li[id^=restore-]")).isEmpty());
        // pg_restore on a machine shared by other builds: more than the page's usual 20 s
        new WebDriverWait(browser, Duration.ofMinutes(3)).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "the restore never showed RESTORED; the page reads:\n"
                        + browser.findElement(By.tagName("body")).getText())
                .until(d -> d.findElement(By.id("restores")).getText().contains("RESTORED"));
        waitFor(By.id("restores"), "its tables match its manifest");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__sameDocument === true;"))
                .as("the restore was followed without a reload").isEqualTo(true);
        screenshot("room-restore-followed");
        // backup-service reported it restored; incident-service may read that event a moment later and says so
        for (int attempt = 1; ; attempt++) {
            ((JavascriptExecutor) browser).executeScript("document.getElementById('feedback').innerHTML = '';");
            retrying(() -> browser.findElement(By.cssSelector("#restores .record-restore")).click());
            try {
                answer.until(d -> d.findElement(By.id("status")).getText().contains("RESTORED")
                        || !d.findElement(By.id("feedback")).getText().isBlank());
            } catch (TimeoutException lost) {
                // the click landed on a button the room was just re-reading (it swaps #restores on every event):
                // no answer and no change; click the one now on the page (recording is refused once done)
                System.out.println("console walk: no answer to recording the restore (attempt " + attempt + ")");
                if (attempt < 40) {
                    continue;
                }
                throw lost;
            }
            if (browser.findElement(By.id("feedback")).getText().contains("has not reported restore") && attempt < 40) {
                Thread.sleep(500);
                continue;
            }
            break;
        }
        waitFor(By.id("status"), "RESTORED");
        waitFor(By.cssSelector("#item-database-restored"), "evidence: dr.backup.restored.v1");
        waitFor(By.cssSelector("#item-data-verified"), "evidence: dr.backup.verified.v1");
    }

    /** The room at a phone's width (390 x 844): everything wraps, nothing needs a sideways scroll. */
    private void atPhoneWidth() {
        org.openqa.selenium.Dimension laptop = browser.manage().window().getSize();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            browser.navigate().refresh();
            waitFor(By.id("status"), "RESTORED");
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).as("the room's horizontal overflow at 390 px, in px").isLessThanOrEqualTo(0);
            screenshot("room-phone");
        } finally {
            browser.manage().window().setSize(laptop);
        }
    }

    /** Backups, drills, metrics and audit each show what their service answered; the trail verifies with one click. */
    private void theOtherPages() {
        browser.get(console + "/backups");
        waitFor(By.id("database-foodtruck"), "within RPO");
        screenshot("backups");
        browser.get(console + "/drills");
        waitFor(By.id("schedule-title"), "Test schedule");
        screenshot("drills");
        browser.get(console + "/metrics");
        waitFor(By.cssSelector("table.figures"), "MTTR");
        wait.until(d -> !d.findElements(By.cssSelector("#trend canvas")).isEmpty());
        screenshot("metrics");
        browser.get(console + "/audit");
        browser.findElement(By.id("verify")).click();
        waitFor(By.id("verified"), "intact");
        screenshot("audit");
        // the public page, no sign-in: the incident walked above among the past ones, resolved, at a time for people
        browser.get(statusPage);
        waitFor(By.tagName("body"), "Past incidents");
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page.toLowerCase()).contains("resolved", "investigating", "% uptime").doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}\\.\\d+");
        assertThat(browser.findElements(By.cssSelector("svg.bars rect.partial, svg.bars rect.major")))
                .as("today's outage on the uptime bar").isNotEmpty();
        screenshot("status-page");
        // its subscribe form, as a food-truck customer uses it: an address, then "check your inbox"
        browser.findElement(By.id("subscribe-email")).sendKeys("walker@example.com");
        browser.findElement(By.cssSelector("form.subscribe-form button[type=submit]")).click();
        waitFor(By.id("subscription-result"), "Check your inbox");
        screenshot("status-subscribed");
    }

    private void signIn() {
        browser.get(console + "/");
        wait.until(ExpectedConditions.urlContains("/signin"));
        browser.findElement(By.id("token")).sendKeys("not-a-token");
        browser.findElement(By.id("signin")).click();
        waitFor(By.cssSelector("[role=alert]"), "not a token");
        screenshot("signin");
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.id("signin")).click();
        wait.withMessage(() -> "the board after the sign-in; at " + browser.getCurrentUrl() + " the page reads:\n"
                        + browser.findElement(By.tagName("body")).getText())
                .until(ExpectedConditions.presenceOfElementLocated(By.id("declare")));
        assertThat(browser.getPageSource()).as("the token is never shown back").doesNotContain(token);
        assertThat(browser.manage().getCookieNamed("DRCONSOLE").isHttpOnly()).isTrue();
    }

    private String declare() {
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("scenario"))).selectByValue("database-corruption");
        browser.findElement(By.id("title")).sendKeys("Orders table corrupted");
        // the first declaration's answer is lost on its way back (the console declared it; the page never hears),
        // so the person, seeing nothing happen, clicks again: the same incident, not a second one
        ((JavascriptExecutor) browser).executeScript(LOSE_THE_FIRST_DECLARATIONS_ANSWER);
        browser.findElement(By.id("declare")).click();
        String lost = (String) wait.withMessage("the first declaration's answer")
                .until(d -> ((JavascriptExecutor) d).executeScript("return window.lostAnswer || null;"));
        browser.findElement(By.id("declare")).click();
        wait.until(ExpectedConditions.urlMatches("/incidents/[0-9a-f-]+$"));
        assertThat(browser.getCurrentUrl()).as("the declaration sent again after its answer was lost").endsWith(lost);
        waitFor(By.id("status"), "DECLARED");
        String id = browser.getCurrentUrl().replaceAll(".*/incidents/", "");
        browser.get(console + "/");
        waitFor(By.id("incident-" + id), "Orders table corrupted");
        assertThat(browser.findElement(By.id("incident-" + id)).getText()).containsPattern("\\d+h \\d+m left|\\d+m left");
        screenshot("board");
        browser.get(console + "/incidents/" + id);
        waitFor(By.id("status"), "DECLARED");
        return id;
    }

    private void aRefusedStepShowsThePlansReason() {
        browser.findElement(By.id("step-ASSESSED")).click();
        waitFor(By.cssSelector("#feedback [role=alert]"), "mandatory checklist items of ASSESSMENT are open");
        screenshot("room-refused-step");
    }

    private void theTimelineTakesANoteMadeElsewhereWithoutAReload(String id) throws Exception {
        ((JavascriptExecutor) browser).executeScript("window.__sameDocument = true;");
        HttpResponse<String> note = http.send(HttpRequest.newBuilder(URI.create(incidentApi + "/api/incidents/" + id + "/notes"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"Support sees failed orders since 09:10\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(note.statusCode()).as(note.body()).isEqualTo(200);
        waitFor(By.id("timeline"), "Support sees failed orders since 09:10");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__sameDocument === true;"))
                .as("the timeline changed without a reload").isEqualTo(true);
    }

    private void waive(String item, String reason) {
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("waive-item"))).selectByValue(item);
        browser.findElement(By.id("waive-reason")).sendKeys(reason);
        browser.findElement(By.id("waive")).click();
        waitFor(By.cssSelector("#item-" + item + " .state"), "WAIVED");
    }

    /**
     * Ticks every open mandatory item of the phase (what its gate needs; the optional runbook items, the roles'
     * duties among them, stay open), one after the other (each answer re-renders the room).
     */
    private void tickAll(String phase, String... leftOpen) {
        java.util.Set<String> skipped = Stream.of(leftOpen).map(item -> "item-" + item).collect(java.util.stream.Collectors.toSet());
        for (int round = 0; round < 40; round++) {
            // read again when the room re-rendered under the question
            String first = wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElements(
                    By.cssSelector("section[aria-label=" + phase + "] li.OPEN.mandatory")).stream()
                    .map(li -> li.getAttribute("id")).filter(li -> !skipped.contains(li)).findFirst().orElse(""));
            if (first.isEmpty()) {
                return;
            }
            String item = first.substring("item-".length());
            clickUntil(By.id("tick-" + item),
                    d -> !d.findElement(By.cssSelector("#item-" + item + " .state")).getText().equals("OPEN"));
        }
        throw new AssertionError("items of " + phase + " stay open");
    }

    private void step(String next) {
        clickUntil(By.id("step-" + next), d -> d.findElement(By.id("status")).getText().contains(next));
    }

    /**
     * Clicks until the page shows the click's effect. A click that lands while an event re-renders the room hits the
     * button being replaced and sends nothing: when no answer shows in the alert region either, it clicks again (as a
     * person would).
     */
    private void clickUntil(By button, java.util.function.Function<WebDriver, Boolean> done) {
        for (int attempt = 1; ; attempt++) {
            ((JavascriptExecutor) browser).executeScript("document.getElementById('feedback').innerHTML = '';");
            retrying(() -> browser.findElement(button).click());
            try {
                answer.until(d -> done.apply(d) || !d.findElement(By.id("feedback")).getText().isBlank());
                // the service answered: the page re-reads at once, but on a loaded machine that read can take seconds
                settle.withMessage(() -> "clicking " + button + " was answered, and the page never showed its effect; it reads:\n"
                        + browser.findElement(By.tagName("body")).getText()).until(done::apply);
                return;
            } catch (org.openqa.selenium.TimeoutException noAnswer) {
                System.out.println("console walk: no answer to clicking " + button + " (attempt " + attempt + ")");
                if (attempt == CLICKS || !browser.findElement(By.id("feedback")).getText().isBlank()) {
                    throw new AssertionError("no effect of clicking " + button + "; the page reads:\n"
                            + browser.findElement(By.tagName("body")).getText(), noAnswer);
                }
            }
        }
    }

    /** Waits for what an event shows: Kafka, the console's consumer and the page's re-read in between. */
    private void waitFor(By element, String text) {
        settle.withMessage(() -> "waiting for " + element + " to show '" + text + "'; the page reads:\n"
                        + browser.findElement(By.tagName("body")).getText())
                .until(d -> d.findElements(element).stream().anyMatch(e -> e.getText().contains(text)));
    }

    private void retrying(Runnable action) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            action.run();
            return true;
        });
    }

    private void screenshot(String name) {
        try {
            ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (Exception e) {
            throw new IllegalStateException("screenshot " + name, e);
        }
    }

    private static Optional<Path> which(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, program)).filter(Files::isExecutable).findFirst();
    }

    @Override
    public void close() {
        browser.quit();
    }
}
