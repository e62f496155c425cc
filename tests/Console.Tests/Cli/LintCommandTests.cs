using System.Diagnostics;
using System.Text;
using System.Text.Json;
using RunnerConsole.Cli;
using RunnerConsole.Core.Policy;
using Spectre.Console;

namespace RunnerConsole.Console.Tests.Cli;

public sealed class LintCommandTests : IDisposable
{
    private const string PlantedPassword = "pl4nted-db-Passw0rd-xyz";
    private readonly string _dir = Directory.CreateTempSubdirectory("lint-").FullName;
    private readonly StringWriter _console = new();
    private readonly StringWriter _stdout = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string PrivateKeyPem() =>
        string.Join(" ", "-----BEGIN", "RSA", "PRIVATE", "KEY-----") + "\n"
        + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(96)) + "\n"
        + string.Join(" ", "-----END", "RSA", "PRIVATE", "KEY-----") + "\n";

    private static string Compliant => """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: tool-manager, namespace: kubiya }
        spec:
          selector: { matchLabels: { app: tool-manager } }
          template:
            metadata: { labels: { app: tool-manager } }
            spec:
              automountServiceAccountToken: false
              securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } }
              containers:
              - name: tool-manager
                image: ghcr.io/kubiyabot/tool-manager:v1.2.3
                imagePullPolicy: IfNotPresent
                securityContext:
                  allowPrivilegeEscalation: false
                  readOnlyRootFilesystem: true
                  capabilities: { drop: [ALL] }
                resources:
                  requests: { cpu: 100m, memory: 128Mi }
                  limits: { cpu: 500m, memory: 256Mi }
                livenessProbe: { httpGet: { path: /healthz, port: 8080 } }
                readinessProbe: { httpGet: { path: /readyz, port: 8080 } }
        """;

    private static string WithWarning => Compliant.Replace("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false", StringComparison.Ordinal);

    private static string Failing => $"""
        {Compliant.Replace("v1.2.3", "latest", StringComparison.Ordinal)}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {"{"} name: settings, namespace: kubiya {"}"}
        data:
          DB_PASSWORD: "{PlantedPassword}"
        ---
        apiVersion: v1
        kind: Secret
        metadata: {"{"} name: tls, namespace: kubiya {"}"}
        stringData:
          tls.key: |
        {string.Join("\n", PrivateKeyPem().TrimEnd().Split('\n').Select(l => "    " + l))}
        """;

    private string Write(string yaml)
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private int Run(string path, string output = "table", bool skipUnknown = false, string stdin = "") =>
        Run(new LintCommand.Settings { Manifests = path, Output = output, SkipUnknownKinds = skipUnknown }, stdin);

    private int Run(LintCommand.Settings settings, string stdin = "")
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(_console),
        });
        console.Profile.Width = 240;
        Assert.True(settings.Validate().Successful);
        return new LintCommand(console, _stdout).RunAsync(settings, new StringReader(stdin), TestContext.Current.CancellationToken).GetAwaiter().GetResult();
    }

    [Fact]
    public void Run_CompliantManifests_ExitsZeroWithSummary()
    {
        Assert.Equal(ExitCodes.Ok, Run(Write(Compliant)));
        Assert.Contains("0 errors, 0 warnings, 0 accepted exceptions in 1 object", _console.ToString());
    }

    [Fact]
    public void Run_WarningsOnly_ExitsZero()
    {
        Assert.Equal(ExitCodes.Ok, Run(Write(WithWarning)));
        Assert.Contains("PS011", _console.ToString());
        Assert.Contains("spec.template.spec.containers[name=tool-manager].securityContext.readOnlyRootFilesystem", _console.ToString());
    }

    [Fact]
    public void Run_ErrorFindings_ExitsOneAndPrintsTable()
    {
        Assert.Equal(ExitCodes.Findings, Run(Write(Failing)));
        var text = _console.ToString();
        Assert.Contains("IM001", text);
        Assert.Contains("SE001", text);
        Assert.Contains("SE003", text);
        Assert.Contains("Deployment/tool-manager (ns kubiya)", text);
        Assert.Contains("errors,", text);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    public void Run_Output_NeverContainsSecretValues(string output)
    {
        var yaml = Failing;
        var keyLine = yaml.Split('\n').First(l => l.Contains("BEGIN", StringComparison.Ordinal));
        var keyBody = yaml.Split('\n')[Array.IndexOf(yaml.Split('\n'), keyLine) + 1].Trim();

        Run(Write(yaml), output);

        var all = _console.ToString() + _stdout.ToString();
        Assert.DoesNotContain(PlantedPassword, all, StringComparison.Ordinal);
        Assert.DoesNotContain(keyBody, all, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY-----", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Json_IsParseableWithSchemaAndCounts()
    {
        Assert.Equal(ExitCodes.Findings, Run(Write(Failing), "json"));

        using var doc = JsonDocument.Parse(_stdout.ToString());
        Assert.Equal(PolicyReportJson.Schema, doc.RootElement.GetProperty("schema").GetString());
        Assert.True(doc.RootElement.GetProperty("summary").GetProperty("errors").GetInt32() >= 3);
        Assert.Equal(string.Empty, _console.ToString());
    }

    [Fact]
    public void Run_InvalidDocuments_Exits65AndPrintsEveryProblem()
    {
        var path = Write(Compliant + "\n---\nfoo: [unclosed\n---\n- a list\n");

        Assert.Equal(ExitCodes.InvalidInput, Run(path));
        var text = _console.ToString();
        Assert.Contains("document 2 (line 25)", text);
        Assert.Contains("document 3 (line 27)", text);
        Assert.Contains("nothing was checked", text);
    }

    [Fact]
    public void Run_InvalidDocuments_Json_ListsProblems()
    {
        Assert.Equal(ExitCodes.InvalidInput, Run(Write("kind: ConfigMap\n"), "json"));

        using var doc = JsonDocument.Parse(_stdout.ToString());
        Assert.False(doc.RootElement.GetProperty("summary").GetProperty("checked").GetBoolean());
        var problem = Assert.Single(doc.RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal(1, problem.GetProperty("document").GetInt32());
    }

    [Fact]
    public void Run_MissingFile_Exits65()
    {
        Assert.Equal(ExitCodes.InvalidInput, Run(Path.Combine(_dir, "absent.yaml")));
        Assert.Contains("cannot read file", _console.ToString());
    }

    [Fact]
    public void Run_UnknownKind_Exits65_UnlessSkipped()
    {
        var path = Write(Compliant + "\n---\napiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: { name: x, namespace: kubiya }\n");

        Assert.Equal(ExitCodes.InvalidInput, Run(path));
        Assert.Equal(ExitCodes.Ok, Run(path, skipUnknown: true));
        Assert.Contains("skipped:", _console.ToString());
    }

    [Fact]
    public void Run_Stdin_IsRead()
    {
        Assert.Equal(ExitCodes.Ok, Run("-", stdin: Compliant));
    }

    [Fact]
    public void Settings_Validate_RejectsUnknownFormatAndMissingFile()
    {
        Assert.False(new LintCommand.Settings { Manifests = "x.yaml", Output = "xml" }.Validate().Successful);
        Assert.False(new LintCommand.Settings().Validate().Successful);
    }

    /// <summary>NATS-credentials-shaped text built at run time (random, not real credentials).</summary>
    private static string NatsCreds()
    {
        var jwt = "eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJ" + Guid.NewGuid().ToString("N") + "In0.sig";
        return string.Join("\n",
            "-----BEGIN NATS USER JWT-----", jwt, "------END NATS USER JWT------", string.Empty,
            "-----BEGIN USER NKEY SEED-----", "SU" + new string('A', 56), "------END USER NKEY SEED------");
    }

    private string ValuesFile() => Write($"""
        runner:
          name: lint-test
          organization: acme
        cloud:
          runnerCredentials:
            value: |
        {Indent(NatsCreds(), 6)}
          customerCredentials:
            value: |
        {Indent(NatsCreds(), 6)}
        """);

    private static string Indent(string text, int spaces) => string.Join("\n", text.Split('\n').Select(l => new string(' ', spaces) + l));

    [Fact]
    public void Run_ValuesFile_RendersAndLintsTheRunner()
    {
        var code = Run(new LintCommand.Settings { Values = ValuesFile(), Output = "json" });

        using var doc = JsonDocument.Parse(_stdout.ToString());
        var summary = doc.RootElement.GetProperty("summary");
        Assert.True(summary.GetProperty("checked").GetBoolean());
        Assert.True(summary.GetProperty("objects").GetInt32() > 10);
        Assert.Equal(summary.GetProperty("hasErrors").GetBoolean() ? ExitCodes.Findings : ExitCodes.Ok, code);
        var kinds = doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("object").GetProperty("namespace").GetString()).Distinct();
        Assert.All(kinds, ns => Assert.True(ns is null or "kubiya"));
        Assert.DoesNotContain("NKEY SEED", _stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_InvalidValuesFile_Exits65WithEveryError()
    {
        var code = Run(new LintCommand.Settings { Values = Write("bogus: 1\n") });

        Assert.Equal(ExitCodes.InvalidInput, code);
        var text = _console.ToString();
        Assert.Contains("bogus", text);
        Assert.Contains("runner.name", text);
        Assert.Contains("nothing was rendered or checked", text);
    }

    [Fact]
    public void Run_ValuesWithBadNamespace_IsUsageError()
    {
        Assert.Equal(ExitCodes.Usage, Run(new LintCommand.Settings { Values = ValuesFile(), Namespace = "Not_A_Label" }));
    }

    [Fact]
    public void Settings_Validate_RequiresExactlyOneInput()
    {
        Assert.False(new LintCommand.Settings { Manifests = "a.yaml", Values = "v.yaml" }.Validate().Successful);
        Assert.True(new LintCommand.Settings { Values = "v.yaml" }.Validate().Successful);
    }

    [Fact]
    public async Task Executable_Lint_ExitCodesFollowFindings()
    {
        var ok = await RunExecutableAsync("lint", "--manifests", Write(Compliant), "-o", "json");
        var failing = await RunExecutableAsync("lint", "--manifests", Write(Failing));
        var invalid = await RunExecutableAsync("lint", "--manifests", Write("foo: [unclosed\n"));
        var usage = await RunExecutableAsync("lint", "--manifests", Write(Compliant), "-o", "xml");
        var leftover = await RunExecutableAsync("lint", "--manifests", Write(Compliant), "--bogus");

        Assert.Equal(ExitCodes.Ok, ok.ExitCode);
        Assert.Contains(PolicyReportJson.Schema, ok.Output);
        Assert.Equal(ExitCodes.Findings, failing.ExitCode);
        Assert.DoesNotContain(PlantedPassword, failing.Output);
        Assert.Equal(ExitCodes.InvalidInput, invalid.ExitCode);
        Assert.Equal(ExitCodes.Usage, usage.ExitCode);
        Assert.Equal(ExitCodes.Usage, leftover.ExitCode);
    }

    private static async Task<(int ExitCode, string Output)> RunExecutableAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "runner-console.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var output = new StringBuilder(await stdout).Append(await stderr).ToString();
        return (process.ExitCode, output);
    }
}
