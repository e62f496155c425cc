using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using RunnerConsole.ConsoleBench;

// The console's own figures, measured on the published app as users run it: resident memory idle after start and
// with N browser circuits open on the install wizard, and the time from a form change to the updated preview.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"console bench: {ex.Message}");
    Console.Error.WriteLine(BenchOptions.Usage);
    return 64;
}

const string ChromiumPath = "/usr/bin/chromium";
if (!File.Exists(ChromiumPath))
{
    Console.Error.WriteLine($"console bench: {ChromiumPath} is missing: run eng/install-tools.sh (it installs Debian's chromium).");
    return 69;
}

await using var console = await ConsoleProcess.StartAsync(options.Console);
Console.Error.WriteLine($"console started (pid {console.Pid}) at {console.BaseAddress}");

// Idle: after start-up work (first requests, timers) has settled.
await Task.Delay(TimeSpan.FromSeconds(5));
var idle = await console.SettledRssAsync();
Console.Error.WriteLine($"idle RSS {Mb(idle)}");

try
{
    return await MeasureAsync(console, idle, options);
}
catch (PlaywrightException ex)
{
    Console.Error.WriteLine($"console bench: {ex.Message.Split('\n')[0]}");
    Console.Error.WriteLine("the console's log ends with:");
    Console.Error.WriteLine(console.LogTail());
    return 1;
}

static async Task<int> MeasureAsync(ConsoleProcess console, long idle, BenchOptions options)
{
    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ChromiumPath,
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic",
        ],
    });

    // The first circuit pays for one-time work (JIT, MudBlazor statics, the catalog): measured on its own.
    var pages = new List<IPage> { await WizardCircuit.OpenAsync(browser, console) };
    var first = await console.SettledRssAsync();
    Console.Error.WriteLine($"1 circuit: RSS {Mb(first)}");

    // Half-way: the first circuits also pay for one-time growth (methods compiled again at tier 1, pools and GC
    // budgets sized up), so the second half shows what one more circuit costs once the server is warm.
    var half = options.Circuits / 2;
    var measureHalf = half >= 2;
    long halfRss = first;
    for (var i = 1; i < options.Circuits; i++)
    {
        pages.Add(await WizardCircuit.OpenAsync(browser, console));
        if ((i + 1) % 10 == 0)
        {
            Console.Error.WriteLine($"{i + 1} circuits open");
        }

        if (measureHalf && i + 1 == half)
        {
            halfRss = await console.SettledRssAsync();
            Console.Error.WriteLine($"{half} circuits: RSS {Mb(halfRss)}");
        }
}

var all = await console.SettledRssAsync();
var perCircuit = options.Circuits > 1 ? (all - first) / (options.Circuits - 1) : first - idle;
var perCircuitWarm = measureHalf ? (all - halfRss) / (options.Circuits - half) : 0;
Console.Error.WriteLine(measureHalf
    ? $"{options.Circuits} circuits: RSS {Mb(all)}, {Mb(perCircuit)} per circuit ({Mb(perCircuitWarm)} from {half} to {options.Circuits})"
    : $"{options.Circuits} circuits: RSS {Mb(all)}, {Mb(perCircuit)} per circuit");

if (options.HoldSeconds > 0)
{
    // For a closer look (e.g. dotnet-gcdump collect -p PID) while every circuit is open.
    Console.Error.WriteLine($"holding {options.HoldSeconds} s with {options.Circuits} circuits open (pid {console.Pid})");
    await Task.Delay(TimeSpan.FromSeconds(options.HoldSeconds));
}

// Preview latency on the first circuit while the others stay open.
var samples = await WizardCircuit.PreviewLatenciesAsync(pages[0], options.Edits);
if (options.Screenshot is { } screenshot)
{
    // The wizard as the last edit left it (identity step, a Deployment's YAML open): to look at after UI changes.
    await pages[0].ScreenshotAsync(new() { Path = screenshot, FullPage = true });
}

samples.Sort();
var median = samples[samples.Count / 2];
var p95 = samples[(int)Math.Ceiling(samples.Count * 0.95) - 1];

var table = new StringBuilder()
    .AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores: the published console (`serve --sandbox`), headless Chromium.")
    .AppendLine()
    .AppendLine("| figure | measured | target |")
    .AppendLine("| --- | ---: | ---: |")
    .AppendLine(CultureInfo.InvariantCulture, $"| idle RSS after start | {Mb(idle)} | < 150 MB |")
    .AppendLine(CultureInfo.InvariantCulture, $"| RSS with 1 wizard circuit open | {Mb(first)} | |")
    .AppendLine(CultureInfo.InvariantCulture, $"| RSS with {options.Circuits} wizard circuits open | {Mb(all)} | |")
    .AppendLine(CultureInfo.InvariantCulture, $"| memory per additional circuit | {Mb(perCircuit)} | < 3 MB |")
    .Append(measureHalf
        ? string.Create(CultureInfo.InvariantCulture, $"| RSS with {half} wizard circuits open | {Mb(halfRss)} | |\n| memory per additional circuit from {half} to {options.Circuits} | {Mb(perCircuitWarm)} | |\n")
        : string.Empty)
    .AppendLine(CultureInfo.InvariantCulture, $"| preview update after a field change, median of {samples.Count} edits | {median:0.0} ms | |")
    .AppendLine(CultureInfo.InvariantCulture, $"| preview update after a field change, p95 of {samples.Count} edits | {p95:0.0} ms | < 100 ms |")
    .ToString();
Console.WriteLine(table);
if (options.Output is { } output)
{
    await File.WriteAllTextAsync(output, table);
}

return 0;
}

static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.0} MB");
