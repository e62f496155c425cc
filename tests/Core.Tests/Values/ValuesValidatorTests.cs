using RunnerConsole.Core.Values;

namespace RunnerConsole.Core.Tests.Values;

public sealed class ValuesValidatorTests
{
    private static IReadOnlyList<string> Errors(RunnerValues values) =>
        [.. ValuesValidator.Validate(values).Select(e => e.ToString())];

    [Fact]
    public void Validate_MinimalValues_HasNoErrors()
    {
        Assert.Empty(Errors(TestValues.Minimal));
    }

    [Fact]
    public void Validate_Defaults_ReportsOnlyTheRequiredIdentityAndCredentials()
    {
        Assert.Equal(
            [
                "runner.name: is required",
                "runner.organization: is required",
                "cloud.runnerCredentials: is required: give existingSecret (name of a Secret in the namespace) or value",
                "cloud.customerCredentials: is required: give existingSecret (name of a Secret in the namespace) or value",
            ],
            Errors(RunnerValues.Defaults));
    }

    [Fact]
    public void Validate_ScrapeIntervalOutOfRange_NamesPathAndValue()
    {
        var values = TestValues.Minimal with
        {
            Monitoring = TestValues.Minimal.Monitoring with
            {
                OtelCollector = TestValues.Minimal.Monitoring.OtelCollector with { ScrapeInterval = "5s" },
            },
        };

        Assert.Equal(["monitoring.otelCollector.scrapeInterval: must be between 15s and 60s, got 5s"], Errors(values));
    }

    [Theory]
    [InlineData("15s", true)]
    [InlineData("1m", true)]
    [InlineData("60s", true)]
    [InlineData("61s", false)]
    [InlineData("1m1s", false)]
    [InlineData("30", false)]
    public void Validate_ScrapeIntervalBounds_AreInclusive(string interval, bool valid)
    {
        var values = TestValues.Minimal with
        {
            Monitoring = TestValues.Minimal.Monitoring with
            {
                OtelCollector = TestValues.Minimal.Monitoring.OtelCollector with { ScrapeInterval = interval },
            },
        };

        Assert.Equal(valid, ValuesValidator.Validate(values).Count == 0);
    }

    [Theory]
    [InlineData("Prod", "must be a DNS-1123 label")]
    [InlineData("a-runner-name-that-is-longer-than-forty-chars", "must be at most 40 characters, got 45")]
    [InlineData("-runner", "must be a DNS-1123 label")]
    public void Validate_BadRunnerName_ExplainsTheRule(string name, string expected)
    {
        var values = TestValues.Minimal with { Runner = TestValues.Minimal.Runner with { Name = name } };

        var error = Assert.Single(ValuesValidator.Validate(values));
        Assert.Equal("runner.name", error.Path);
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CredentialsWithBothSources_AsksForExactlyOne()
    {
        var values = TestValues.Minimal with
        {
            Cloud = TestValues.Minimal.Cloud with
            {
                RunnerCredentials = new SecretSource { ExistingSecret = "runner-nats", Value = TestValues.Creds },
            },
        };

        Assert.Equal(["cloud.runnerCredentials: give exactly one of existingSecret or value, not both"], Errors(values));
    }

    [Fact]
    public void Validate_ManyProblems_ReportsAllAtOnce()
    {
        var values = TestValues.Minimal with
        {
            Cloud = TestValues.Minimal.Cloud with { NatsUrl = "https://connect.ngs.global" },
            Images = TestValues.Minimal.Images with { PullPolicy = "Sometimes", PullSecrets = ["regcred", "regcred"] },
            AgentManager = TestValues.Minimal.AgentManager with
            {
                Replicas = 0,
                Image = TestValues.Minimal.AgentManager.Image with { Tag = "latest" },
                Resources = new(new("2", "256m"), new("1", "1Gi")),
            },
            ImageUpdater = TestValues.Minimal.ImageUpdater with { Enabled = true, Schedule = "every hour" },
        };

        Assert.Equal(
            [
                "cloud.natsUrl: must be a tls:// or nats:// URL, got https://…",
                "images.pullSecrets[1]: 'regcred' is listed twice",
                "images.pullPolicy: must be one of Always, IfNotPresent, Never, got 'Sometimes'",
                "agentManager.image.tag: must be pinned; 'latest' moves under a running install (leave it empty to use the catalog's pinned tag)",
                "agentManager.resources.requests.memory: '256m' means milli-bytes; did you mean '256Mi'?",
                "agentManager.resources.requests.cpu: request 2 is above the limit 1",
                "agentManager.replicas: must be between 1 and 50, got 0",
                "imageUpdater.schedule: must be a cron schedule with 5 fields (minute hour day-of-month month day-of-week), got 2",
                "imageUpdater.versionsUrl: is required when imageUpdater.enabled is true",
            ],
            Errors(values));
    }

    [Fact]
    public void Validate_RemoteWriteAuth_ChecksTheSelectedBlockAndFlagsStrayOnes()
    {
        var otel = TestValues.Minimal.Monitoring.OtelCollector;
        var values = TestValues.Minimal with
        {
            Monitoring = TestValues.Minimal.Monitoring with
            {
                OtelCollector = otel with
                {
                    RemoteWrite = new RemoteWriteValues
                    {
                        Url = "http://prom.example.com/api/v1/write",
                        Auth = new RemoteWriteAuthValues
                        {
                            Type = RemoteWriteAuthType.OAuth2,
                            Basic = new BasicAuthValues { Username = "forgotten" },
                            OAuth2 = new OAuth2Values { ClientId = "runner", TokenUrl = "https://auth.example.com/token" },
                        },
                    },
                },
            },
        };

        Assert.Equal(
            [
                "monitoring.otelCollector.remoteWrite.url: must be an https:// URL, got http://…",
                "monitoring.otelCollector.remoteWrite.auth.basic: is set but auth.type is oauth2; set auth.type to basic or remove it",
                "monitoring.otelCollector.remoteWrite.auth.oauth2.clientSecret: is required: give existingSecret (name of a Secret in the namespace) or value",
            ],
            Errors(values));
    }

    [Fact]
    public void Validate_UrlWithCredentials_IsNotEchoed()
    {
        var values = TestValues.Minimal with
        {
            Cloud = TestValues.Minimal.Cloud with { NatsUrl = "ws://user:s3cret@nats.example.com" },
            Monitoring = TestValues.Minimal.Monitoring with
            {
                Healthchecks = TestValues.Minimal.Monitoring.Healthchecks with { Enabled = true, PingUrl = "http://hc-ping.com/secret-uuid" },
            },
        };

        var errors = Errors(values);

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.DoesNotContain("s3cret", e, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.DoesNotContain("secret-uuid", e, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_WithPathPrefix_ReturnsOnlyThatSubtree()
    {
        var values = RunnerValues.Defaults with
        {
            Images = RunnerValues.Defaults.Images with { PullPolicy = "x" },
        };

        Assert.Equal(["images.pullPolicy"], ValuesValidator.Validate(values, "images").Select(e => e.Path));
        Assert.Equal(["runner.name"], ValuesValidator.Validate(values, "runner.name").Select(e => e.Path));
        Assert.Empty(ValuesValidator.Validate(values, "runner.nam"));
    }

    [Fact]
    public void Validate_UnknownVersion_ListsKnownOnes()
    {
        var values = TestValues.Minimal with { Version = "9.9.9" };

        Assert.Equal(["version: unknown runner version '9.9.9'; known: 1.0.0, 1.1.0"], Errors(values));
    }

    [Fact]
    public void Validate_Tolerations_FollowPodSpecRules()
    {
        var values = TestValues.Minimal with
        {
            Dagger = TestValues.Minimal.Dagger with
            {
                Tolerations =
                [
                    new Toleration { Key = "dedicated", Value = "dagger", Effect = "NoSchedule" },
                    new Toleration { Operator = "Exists", Value = "x" },
                    new Toleration { Key = "k", Effect = "NoSchedule", TolerationSeconds = 30 },
                ],
            },
        };

        Assert.Equal(
            [
                "dagger.tolerations[1].value: must be empty when operator is Exists",
                "dagger.tolerations[2].tolerationSeconds: is only used with effect NoExecute",
            ],
            Errors(values));
    }

    [Fact]
    public void Validate_ReservedExternalLabel_IsRejected()
    {
        var otel = TestValues.Minimal.Monitoring.OtelCollector with
        {
            ExternalLabels = new Dictionary<string, string> { ["cluster"] = "eu-1", ["runner"] = "x", ["__meta"] = "y" },
        };
        var values = TestValues.Minimal with { Monitoring = TestValues.Minimal.Monitoring with { OtelCollector = otel } };

        Assert.Equal(
            [
                "monitoring.otelCollector.externalLabels[runner]: is set by the runner itself; choose another name than organization or runner",
                "monitoring.otelCollector.externalLabels[__meta]: must be a Prometheus label name: letters, digits and '_', not starting with a digit or '__'",
            ],
            Errors(values));
    }
}
