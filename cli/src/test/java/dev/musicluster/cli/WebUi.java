package dev.musicluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The gateway's web UI in Debian's headless Chromium (driven through its chromedriver; nothing is downloaded), against
 * a gateway that has run the pipeline: every section loads, the latent map has one point per song, a search finds
 * songs, and the screenshots are not blank.
 */
final class WebUi {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private WebUi() {
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * {@code searchText}: words from a song's lyrics, the first hit must be in {@code searchLanguage};
     * {@code audio}: a file to upload through the form, with {@code apiKey} typed in; it adds a song;
     * {@code failedModel}: a model of the newest run whose failure the run's progress must show (null: none).
     */
    static void assertItWorks(String gateway, String apiKey, int songs, String searchText, String searchLanguage, Path audio,
                              String failedModel, Path screenshots, Path profile) throws IOException {
        Files.createDirectories(screenshots);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the background-networking flags Chromium keeps calling Google's hosts, which this network refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--user-data-dir=" + Files.createDirectories(profile));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        WebDriver driver = new ChromeDriver(service, options);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            driver.get(gateway + "/");
            wait.until(d -> d.findElements(By.cssSelector("#song-table tbody tr")).size() == songs);
            wait.until(d -> d.findElement(By.id("library-state")).getText().startsWith("library: " + songs + " songs, " + songs + " analysed"));
            String points = wait.until(d -> d.findElement(By.id("scatter")).getAttribute("data-points"));
            assertThat(Integer.parseInt(points)).as("one point per song in the latent map").isEqualTo(songs);
            Object series = ((JavascriptExecutor) driver).executeScript("return echarts.getInstanceByDom(document.getElementById('scatter'))"
                    + ".getOption().series.reduce((n, s) => n + s.data.length, 0);");
            assertThat(((Number) series).intValue()).as("points drawn by ECharts").isEqualTo(songs);
            wait.until(d -> "DONE".equals(d.findElement(By.id("run-state")).getText()));
            if (failedModel != null) {
                assertThat(driver.findElement(By.id("run-progress")).getText()).as("the newest run's failed model, with its reason")
                        .contains(failedModel).contains("failed in epoch 1/");
            }
            wait.until(d -> !d.findElements(By.cssSelector("#metric-table tbody tr")).isEmpty());
            wait.until(d -> !d.findElements(By.cssSelector("#cluster-list .card")).isEmpty());
            assertThat(driver.findElements(By.cssSelector("#cluster-list .card .tags")))
                    .as("clusters described by the musicnn tags that set them apart").isNotEmpty()
                    .allSatisfy(tags -> assertThat(tags.getText()).isNotBlank());
            screenshot(driver, screenshots.resolve("map.png"), "map");

            // A click on a point plays its song and shows its cluster and neighbours.
            @SuppressWarnings("unchecked")
            List<Number> pixel = (List<Number>) ((JavascriptExecutor) driver).executeScript(
                    "const chart = echarts.getInstanceByDom(document.getElementById('scatter'));"
                    + "const point = chart.getOption().series[0].data[0];"
                    + "return chart.convertToPixel({seriesIndex: 0}, [point[0], point[1]]);");
            WebElement canvas = driver.findElement(By.cssSelector("#scatter canvas"));
            new Actions(driver).moveToElement(canvas, pixel.get(0).intValue() - canvas.getSize().getWidth() / 2,
                    pixel.get(1).intValue() - canvas.getSize().getHeight() / 2).click().perform();
            wait.until(d -> d.findElement(By.id("player")).getAttribute("src").contains("/api/songs/"));
            wait.until(d -> d.findElement(By.id("detail-body")).getText().contains("Sounds like:"));
            assertThat(driver.findElement(By.id("detail-body")).getText()).as("the song's own top tags").contains("Sounds: ");
            String src = driver.findElement(By.id("player")).getAttribute("src");
            assertThat(src).as("the clicked song's audio").matches(".*/api/songs/[A-Za-z0-9._-]+/audio");

            WebElement search = driver.findElement(By.id("search-text"));
            search.sendKeys(searchText);
            driver.findElement(By.cssSelector("#search-form button")).click();
            List<WebElement> hits = wait.until(d -> {
                List<WebElement> found = d.findElements(By.cssSelector("#search-results li"));
                return found.isEmpty() ? null : found;
            });
            assertThat(hits).isNotEmpty();
            assertThat(hits.get(0).getText()).as("the nearest lyrics are in the language searched").contains(" · " + searchLanguage + " · ");
            screenshot(driver, screenshots.resolve("search.png"), "search");

            assertListening(driver, wait, screenshots);

            driver.findElement(By.id("api-key")).sendKeys(apiKey);
            WebElement form = driver.findElement(By.id("upload-form"));
            form.findElement(By.name("audio")).sendKeys(audio.toAbsolutePath().toString());
            form.findElement(By.name("title")).sendKeys("Uploaded in the browser");
            form.findElement(By.name("labels")).sendKeys("language=en, style=test");
            form.findElement(By.cssSelector("button")).click();
            wait.until(d -> d.findElement(By.id("upload-result")).getText().endsWith(": accepted"));
            wait.until(d -> d.findElements(By.cssSelector("#song-table tbody tr")).size() == songs + 1);
            assertThat(driver.findElement(By.id("song-table")).getText()).contains("Uploaded in the browser", "language=en");
        } finally {
            driver.quit();
        }
    }

    /**
     * The listening section: a cluster's playlist plays, a radio and a path are drawn and play, their files are saved
     * under the name typed, and words about sound are read as tags with the unknown ones reported.
     */
    private static void assertListening(WebDriver driver, WebDriverWait wait, Path screenshots) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("document.getElementById('listen').scrollIntoView()");
        List<WebElement> cards = wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#playlist-list .playlist"));
            return found.isEmpty() ? null : found;
        });
        assertThat(cards.get(0).findElement(By.tagName("h3")).getText()).as("named by its tags and size").matches(".+ · \\d+ songs?");
        cards.get(0).findElement(By.cssSelector("button.play")).click();
        wait.until(d -> d.findElement(By.id("listen-player")).getAttribute("src").contains("/api/songs/"));
        assertThat(driver.findElement(By.id("now-playing")).getText()).startsWith("1/");

        driver.findElement(By.id("listen-name")).sendKeys("My radio");
        driver.findElement(By.cssSelector("#radio-form button")).click();
        wait.until(d -> "radio".equals(d.findElement(By.id("listen-result")).getAttribute("data-kind")));
        assertThat(driver.findElements(By.cssSelector("#listen-result li"))).as("the seed and the songs after it").hasSizeGreaterThanOrEqualTo(2);
        String m3u8 = driver.findElement(By.cssSelector("#listen-result a.m3u8")).getAttribute("href");
        assertThat(m3u8).contains("format=m3u8", "name=My%20radio");
        Object file = js.executeAsyncScript("fetch(arguments[0]).then(r => r.text()).then(arguments[arguments.length - 1])", m3u8);
        assertThat(file.toString()).startsWith("#EXTM3U\n#PLAYLIST:My radio\n#EXTINF:");

        org.openqa.selenium.support.ui.Select from = new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("path-from")));
        org.openqa.selenium.support.ui.Select to = new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("path-to")));
        from.selectByIndex(0);
        to.selectByIndex(to.getOptions().size() - 1);
        String first = from.getFirstSelectedOption().getText();
        String last = to.getFirstSelectedOption().getText();
        driver.findElement(By.cssSelector("#path-form button")).click();
        wait.until(d -> "path".equals(d.findElement(By.id("listen-result")).getAttribute("data-kind")));
        List<WebElement> steps = driver.findElements(By.cssSelector("#listen-result li"));
        assertThat(steps).hasSizeGreaterThanOrEqualTo(2);
        assertThat(steps.get(0).getText()).as("a path begins with A").startsWith(first);
        assertThat(steps.get(steps.size() - 1).getText()).as("and ends with B").startsWith(last);

        driver.findElement(By.id("sound-text")).sendKeys("piano, kazoo");
        driver.findElement(By.cssSelector("#sound-form button")).click();
        wait.until(d -> d.findElement(By.id("sound-note")).getText().startsWith("read as: piano"));
        assertThat(driver.findElement(By.id("sound-note")).getText()).contains("no tag for: kazoo");
        assertThat(driver.findElements(By.cssSelector("#sound-results li"))).isNotEmpty();
        screenshot(driver, screenshots.resolve("listen.png"), "listen");
    }

    /** Scrolls to the section, saves the page as PNG, and checks it is not blank: many colours, 1 % of it drawn on. */
    private static void screenshot(WebDriver driver, Path png, String section) throws IOException {
        ((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).scrollIntoView()", section);
        byte[] bytes = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(png, bytes);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        Set<Integer> colours = new HashSet<>();
        long coloured = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                coloured += rgb != 0xffffff && rgb != 0xfafafa ? 1 : 0;
            }
        }
        assertThat(colours.size()).as("colours in %s", png).isGreaterThan(50);
        assertThat(coloured).as("drawn pixels in %s", png).isGreaterThan(image.getWidth() * image.getHeight() / 4 / 100);
    }
}
