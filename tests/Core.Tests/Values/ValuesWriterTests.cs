using RunnerConsole.Core.Values;

namespace RunnerConsole.Core.Tests.Values;

public sealed class ValuesWriterTests
{
    private static RunnerValues Rich() => TestValues.Minimal with
    {
        Version = "1.0.0",
        Runner = TestValues.Minimal.Runner with { Uuid = "123e4567-e89b-12d3-a456-426614174000", Environment = "prod" },
        Images = new ImagesValues { Registry = "mirror.example.com:5000/kubiya", PullSecrets = ["regcred"], PullPolicy = "Always" },
        Dagger = TestValues.Minimal.Dagger with
        {
            Enabled = false,
            NodeSelector = new Dictionary<string, string> { ["kubernetes.io/os"] = "linux", ["pool"] = "true" },
            Tolerations =
            [
                new Toleration { Key = "dedicated", Value = "dagger", Effect = "NoSchedule" },
                new Toleration { Operator = "Exists", Effect = "NoExecute", TolerationSeconds = 60 },
            ],
            PodAnnotations = new Dictionary<string, string> { ["note"] = "a: b # not a comment" },
        },
        ToolManager = TestValues.Minimal.ToolManager with { ClusterAccess = ClusterAccess.PersistentVolumes },
        Monitoring = TestValues.Minimal.Monitoring with
        {
            OtelCollector = TestValues.Minimal.Monitoring.OtelCollector with
            {
                ExternalLabels = new Dictionary<string, string> { ["cluster"] = "eu-1" },
                RemoteWrite = new RemoteWriteValues
                {
                    Url = "https://prom.example.com/api/v1/write",
                    Auth = new RemoteWriteAuthValues
                    {
                        Type = RemoteWriteAuthType.OAuth2,
                        OAuth2 = new OAuth2Values
                        {
                            ClientId = "runner",
                            ClientSecret = SecretSource.FromValue("s3cr3t-\"quoted\""),
                            TokenUrl = "https://auth.example.com/token",
                            Scopes = ["metrics.write", "openid"],
                            EndpointParams = new Dictionary<string, string> { ["audience"] = "prometheus" },
                        },
                    },
                },
            },
            Healthchecks = TestValues.Minimal.Monitoring.Healthchecks with
            {
                Enabled = true,
                PingUrl = "https://hc-ping.com/abc",
                Schedule = "*/2 * * * *",
            },
        },
    };

    [Fact]
    public void ToYaml_RichValues_RoundTripsThroughTheLoader()
    {
        var original = Rich();
        var yaml = ValuesWriter.ToYaml(original, redactSecrets: false);

        var loaded = ValuesLoader.Load(yaml);

        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors) + "\n" + yaml);
        Assert.Equal(yaml, ValuesWriter.ToYaml(loaded.Values!, redactSecrets: false));
        Assert.Equal(TestValues.Creds, loaded.Values!.Cloud.CustomerCredentials.Value);
        Assert.Equal("a: b # not a comment", loaded.Values.Dagger.PodAnnotations["note"]);
        Assert.Equal(60, loaded.Values.Dagger.Tolerations[1].TolerationSeconds);
        Assert.Equal(original.Monitoring.OtelCollector.RemoteWrite.Auth.OAuth2.ClientSecret, loaded.Values.Monitoring.OtelCollector.RemoteWrite.Auth.OAuth2.ClientSecret);
    }

    [Fact]
    public void ToYaml_Redacted_NeverContainsSecretValues()
    {
        var yaml = ValuesWriter.ToYaml(Rich(), redactSecrets: true);

        Assert.DoesNotContain("s3cr3t", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("NKEY SEED", yaml, StringComparison.Ordinal);
        Assert.Contains("value: \"<redacted>\"", yaml, StringComparison.Ordinal);
        Assert.Contains("existingSecret: runner-nats", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_SecretSource_HidesTheValue()
    {
        Assert.DoesNotContain("hunter2", SecretSource.FromValue("hunter2").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", (TestValues.Minimal with { Cloud = TestValues.Minimal.Cloud with { RunnerCredentials = SecretSource.FromValue("hunter2") } }).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToCommentedYaml_Defaults_LoadsBackToTheDefaults()
    {
        var yaml = ValuesWriter.ToCommentedYaml(RunnerValues.Defaults, redactSecrets: true);

        var loaded = ValuesLoader.Load(yaml, validate: false);

        Assert.Empty(loaded.Errors);
        Assert.Equal(ValuesWriter.ToYaml(RunnerValues.Defaults, false), ValuesWriter.ToYaml(loaded.Values!, false));
        Assert.Contains("# Number of pods.", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void ToCommentedYaml_WithIdentityAndCredentialsFilledIn_IsValid()
    {
        // values init promises: only the identity and the credentials need editing.
        var yaml = ValuesWriter.ToCommentedYaml(RunnerValues.Defaults, redactSecrets: true);
        yaml = ReplaceFirst(yaml, "\n  name: \"\"\n", "\n  name: r1\n");
        yaml = ReplaceFirst(yaml, "\n  organization: \"\"\n", "\n  organization: acme\n");
        yaml = ReplaceFirst(yaml, "\n    existingSecret: \"\"\n", "\n    existingSecret: runner-nats\n");
        yaml = ReplaceFirst(yaml, "\n    existingSecret: \"\"\n", "\n    existingSecret: customer-nats\n");

        var loaded = ValuesLoader.Load(yaml);

        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
    }

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' not in the init output");
        return text[..at] + replacement + text[(at + find.Length)..];
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("tls://connect.ngs.global", "tls://connect.ngs.global")]
    [InlineData("", "\"\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("1.20", "\"1.20\"")]
    [InlineData("null", "\"null\"")]
    [InlineData("*/5 * * * *", "\"*/5 * * * *\"")]
    [InlineData("a: b", "\"a: b\"")]
    [InlineData("x #y", "\"x #y\"")]
    [InlineData("line\nbreak", "\"line\\nbreak\"")]
    public void Scalar_SpecialStrings_AreQuotedWhenYamlWouldMisreadThem(string text, string expected)
    {
        Assert.Equal(expected, ValuesWriter.Scalar(text));
    }
}
