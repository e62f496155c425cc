using RunnerConsole.Core.Values;

namespace RunnerConsole.Core.Tests.Values;

public sealed class ValuesLoaderTests
{
    [Fact]
    public void Load_MinimalFile_IsValidAndKeepsDefaults()
    {
        var result = ValuesLoader.Load(TestValues.MinimalYaml);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var values = result.Values!;
        Assert.Equal("prod-runner", values.Runner.Name);
        Assert.Equal("customer-nats", values.Cloud.CustomerCredentials.ExistingSecret);
        Assert.Equal("creds", values.Cloud.CustomerCredentials.EffectiveKey("nats.creds"));
        Assert.Equal("runner-nats", values.Cloud.RunnerCredentials.ExistingSecret);
        Assert.Equal("nats.creds", values.Cloud.RunnerCredentials.EffectiveKey("nats.creds"));
        Assert.Equal(CloudValues.DefaultNatsUrl, values.Cloud.NatsUrl);
        Assert.Equal("acme.prod-runner.incoming", values.Cloud.EffectiveSubject(values.Runner));
        Assert.Equal(3, values.ToolManager.Replicas);
    }

    [Fact]
    public void Load_NestedOverride_KeepsSiblingDefaultsOfThatComponent()
    {
        var result = ValuesLoader.Load(TestValues.MinimalYaml + "\noperator:\n  image:\n    tag: v9\n");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal("ghcr.io/kubiyabot/kubiya-operator", result.Values!.Operator.Image.Repository);
        Assert.Equal("v9", result.Values.Operator.Image.Tag);
        Assert.Equal("50m", result.Values.Operator.Resources.Requests.Cpu);
        Assert.Equal("", RunnerValues.Defaults.Operator.Image.Tag);
    }

    [Fact]
    public void Load_UnknownKeyWithTypo_ReportsPathPositionAndSuggestion()
    {
        var result = ValuesLoader.Load(TestValues.MinimalYaml + "\nagentManager:\n  replica: 3\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal("agentManager.replica", error.Path);
        Assert.Equal("unknown key; did you mean 'replicas'?", error.Message);
        Assert.Equal(11, error.Line);
        Assert.Equal(3, error.Column);
    }

    [Fact]
    public void Load_UnknownKeyAndInvalidValue_ReportsBothWithPositions()
    {
        var result = ValuesLoader.Load("runner:\n  name: r1\n  organisation: acme\ncloud:\n  runnerCredentials: {existingSecret: a}\n  customerCredentials: {existingSecret: b}\n");

        Assert.Equal(
            [
                "1:3:3: runner.organisation: unknown key; did you mean 'organization'?",
                "1:1:1: runner.organization: is required",
            ],
            result.Errors.Select(e => e.ToString("1")));
    }

    [Fact]
    public void Load_KeyAtTheWrongLevel_PointsToWhereItLives()
    {
        var result = ValuesLoader.Load(TestValues.MinimalYaml + "\notelCollector:\n  enabled: false\n");

        Assert.Equal("otelCollector: unknown key; did you mean 'monitoring.otelCollector'?", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Load_UnknownKeyFarFromAnyName_HasNoSuggestion()
    {
        var result = ValuesLoader.Load(TestValues.MinimalYaml + "\nwhatever: 1\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal("whatever: unknown key", error.ToString());
    }

    [Fact]
    public void Load_MalformedYaml_ReportsLineAndColumnWithoutValues()
    {
        var result = ValuesLoader.Load("runner:\n  name: a\n   organization: [\n");

        Assert.Null(result.Values);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("malformed YAML", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
        Assert.NotNull(error.Column);
        Assert.DoesNotContain("(Line:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WrongTypes_ReportsEveryOneWithExpectedShape()
    {
        var result = ValuesLoader.Load("""
            runner: name-only
            agentManager:
              replicas: two
            dagger:
              enabled: yes
            toolManager:
              clusterAccess: everything
            images:
              pullSecrets: one
            """);

        Assert.Equal(
            [
                "runner: expected a mapping of keys, got 'name-only'",
                "agentManager.replicas: expected a whole number, got 'two'",
                "dagger.enabled: expected true or false, got 'yes'",
                "toolManager.clusterAccess: expected one of none, persistentVolumes, admin, got 'everything'",
                "images.pullSecrets: expected a list of strings, got 'one'",
                "cloud.runnerCredentials: is required: give existingSecret (name of a Secret in the namespace) or value",
                "cloud.customerCredentials: is required: give existingSecret (name of a Secret in the namespace) or value",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Load_QuotedNumber_SaysToRemoveTheQuotes()
    {
        var result = ValuesLoader.Load(TestValues.MinimalYaml + "\nagentManager:\n  replicas: \"3\"\ndagger:\n  enabled: True\n");

        Assert.Equal(["agentManager.replicas: expected a whole number, got the quoted string '3' (remove the quotes)"], result.Errors.Select(e => e.ToString()));
        Assert.True(result.Values!.Dagger.Enabled);
    }

    [Fact]
    public void Load_EnumNames_AreCamelCaseWithOauth2()
    {
        var result = ValuesLoader.Load(TestValues.MinimalYaml + """

            toolManager:
              clusterAccess: persistentVolumes
            monitoring:
              otelCollector:
                remoteWrite:
                  url: https://prom.example.com/api/v1/write
                  auth:
                    type: oauth2
                    oauth2:
                      clientId: runner
                      clientSecret: { existingSecret: prom-oauth }
                      tokenUrl: https://auth.example.com/token
                      scopes: [metrics.write]
                      endpointParams: { audience: prometheus }
            """);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(ClusterAccess.PersistentVolumes, result.Values!.ToolManager.ClusterAccess);
        var auth = result.Values.Monitoring.OtelCollector.RemoteWrite.Auth;
        Assert.Equal(RemoteWriteAuthType.OAuth2, auth.Type);
        Assert.Equal(["metrics.write"], auth.OAuth2.Scopes);
        Assert.Equal("prometheus", auth.OAuth2.EndpointParams["audience"]);
    }

    [Fact]
    public void Load_OlderKeySpelling_IsAcceptedAndWrittenBackWithTheCurrentName()
    {
        var yaml = TestValues.MinimalYaml + "\nmonitoring:\n  otelCollector:\n    remoteWrite:\n      auth:\n        oAuth2:\n          clientId: legacy\n";

        var result = ValuesLoader.Load(yaml, validate: false);

        Assert.Empty(result.Errors);
        Assert.Equal("legacy", result.Values!.Monitoring.OtelCollector.RemoteWrite.Auth.OAuth2.ClientId);
        var written = ValuesWriter.ToYaml(result.Values, redactSecrets: true);
        Assert.Contains("      oauth2:\n", written, StringComparison.Ordinal);
        Assert.DoesNotContain("oAuth2", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ValidationErrors_CarryThePositionOfTheirKey()
    {
        var result = ValuesLoader.Load(TestValues.MinimalYaml + "\nmonitoring:\n  otelCollector:\n    scrapeInterval: 5s\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal("monitoring.otelCollector.scrapeInterval: must be between 15s and 60s, got 5s", error.ToString());
        Assert.Equal(12, error.Line);
        Assert.Equal("values.yaml:12:5: monitoring.otelCollector.scrapeInterval: must be between 15s and 60s, got 5s", error.ToString("values.yaml"));
    }

    [Fact]
    public void Load_EmptyDocument_GivesDefaultsAndTheRequiredKeyErrors()
    {
        var result = ValuesLoader.Load("");

        Assert.Same(RunnerValues.Defaults, result.Values);
        Assert.Equal(
            ["runner.name", "runner.organization", "cloud.runnerCredentials", "cloud.customerCredentials"],
            result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Load_NullValue_KeepsTheDefault()
    {
        var result = ValuesLoader.Load(TestValues.MinimalYaml + "\nimages:\n  pullPolicy:\n");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal("IfNotPresent", result.Values!.Images.PullPolicy);
    }

    [Fact]
    public void Load_OversizedInput_IsRejectedBeforeParsing()
    {
        var yaml = "# " + new string('x', ValuesLoader.MaxBytes) + "\n";

        var result = ValuesLoader.Load(yaml);

        Assert.Null(result.Values);
        Assert.Equal("the values file is larger than 1 MiB", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Load_AliasBomb_FinishesWithBoundedErrors()
    {
        // Each level references the previous one ten times: 10^9 nodes if anything expanded it.
        var lines = new List<string> { "  - &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 9; i++)
        {
            lines.Add($"  - &a{i} [" + string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10)) + "]");
        }

        var yaml = TestValues.MinimalYaml + "\nimages:\n  pullSecrets:\n" + string.Join("\n", lines) + "\n";

        var result = ValuesLoader.Load(yaml);

        Assert.Equal(9, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("expected a string, got a list", e.Message));
    }

    [Fact]
    public void Load_MoreNodesThanTheCap_IsRejected()
    {
        var yaml = "images:\n  pullSecrets:\n" + string.Concat(Enumerable.Repeat("  - a\n", ValuesLoader.MaxNodes + 1));

        var result = ValuesLoader.Load(yaml);

        Assert.Null(result.Values);
        Assert.Equal($"the values file expands to more than {ValuesLoader.MaxNodes} nodes (aliases included)", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Load_DeepNesting_IsRejectedWithPosition()
    {
        var yaml = "runner: " + new string('[', 5000) + new string(']', 5000) + "\n";

        var result = ValuesLoader.Load(yaml);

        Assert.Null(result.Values);
        var error = Assert.Single(result.Errors);
        Assert.Equal($"the values file is nested deeper than {ValuesLoader.MaxDepth} levels", error.Message);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Load_SeveralDocuments_IsAnError()
    {
        var result = ValuesLoader.Load(TestValues.MinimalYaml + "\n---\nversion: 1.0.0\n");

        Assert.Null(result.Values);
        Assert.Equal("expected one YAML document, found several", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Load_DuplicateKey_IsReportedAsMalformed()
    {
        var result = ValuesLoader.Load("runner:\n  name: a\n  name: b\n");

        Assert.Null(result.Values);
        Assert.Equal(3, Assert.Single(result.Errors).Line);
    }

    [Fact]
    public void Load_Tolerations_AreReadAsObjectsWithUnknownKeysReported()
    {
        var result = ValuesLoader.Load(TestValues.MinimalYaml + """

            dagger:
              tolerations:
                - key: dedicated
                  value: dagger
                  effect: NoSchedule
                - operator: Exists
                  effekt: NoExecute
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal("dagger.tolerations[1].effekt: unknown key; did you mean 'effect'?", error.ToString());
        Assert.Equal("dedicated", result.Values!.Dagger.Tolerations[0].Key);
        Assert.Equal("Exists", result.Values.Dagger.Tolerations[1].Operator);
    }
}
