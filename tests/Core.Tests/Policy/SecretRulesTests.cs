using k8s.Models;
using RunnerConsole.Core.Policy;
using static RunnerConsole.Core.Tests.Policy.PolicyFixtures;

namespace RunnerConsole.Core.Tests.Policy;

public sealed class SecretRulesTests
{
    private const string Planted = "pl4nted-S3cret-VALUE-9f8e7d";

    [Theory]
    [InlineData("DB_PASSWORD")]
    [InlineData("nats-token")]
    [InlineData("KUBIYA_APIKEY")]
    [InlineData("private_key")]
    [InlineData("aws_credentials")]
    public void Evaluate_ConfigMapKeyNamedLikeCredential_IsError(string key)
    {
        var report = Evaluate(ConfigMap("settings", new Dictionary<string, string> { [key] = Planted }));

        var finding = Assert.Single(report.Of("SE001"));
        Assert.Equal($"data.{key}", finding.FieldPath);
        Assert.Contains($"{Planted.Length} characters", finding.Message);
        Assert.DoesNotContain(Planted, finding.Message + finding.Fix);
    }

    [Fact]
    public void Evaluate_ConfigMapValueWithPrivateKeyOrJwt_IsErrorWhateverTheKey()
    {
        var report = Evaluate(ConfigMap("settings", new Dictionary<string, string>
        {
            ["config.yaml"] = "tls:\n  key: |\n" + FakePrivateKeyPem("EC"),
            ["header"] = "Bearer " + FakeJwt(),
        }));

        Assert.Equal(["data.header", "data[\"config.yaml\"]"], report.Of("SE001").Select(f => f.FieldPath).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("TOKEN_FILE", "/var/run/secrets/token")]
    [InlineData("SECRET_NAME", "runner-secret")]
    [InlineData("TOKEN_TTL", "3600")]
    [InlineData("PASSWORD_ENABLED", "true")]
    [InlineData("API_KEY", "${API_KEY}")]
    [InlineData("LOG_LEVEL", "debug")]
    public void Evaluate_ReferencesAndPlainSettings_AreNotSecrets(string key, string value)
    {
        var report = Evaluate(ConfigMap("settings", new Dictionary<string, string> { [key] = value }));

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Evaluate_LiteralEnvCredential_IsError_SecretKeyRefIsNot()
    {
        var report = Evaluate(Deployment(mutate: p => p.Containers[0].Env =
        [
            new V1EnvVar { Name = "KUBIYA_API_KEY", Value = Planted },
            new V1EnvVar { Name = "NATS_TOKEN", ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = "nats", Key = "token" } } },
            new V1EnvVar { Name = "LOG_LEVEL", Value = "info" },
        ]));

        var finding = Assert.Single(report.Of("SE002"));
        Assert.Equal("spec.template.spec.containers[name=tool-manager].env[name=KUBIYA_API_KEY].value", finding.FieldPath);
        Assert.DoesNotContain(Planted, finding.Message + finding.Fix);
    }

    [Fact]
    public void Evaluate_NatsCredsInEnvValue_IsError()
    {
        var creds = string.Join(" ", "-----BEGIN", "NATS", "USER", "JWT-----") + "\n" + FakeJwt() + "\n";
        var report = Evaluate(Deployment(mutate: p => p.Containers[0].Env = [new V1EnvVar { Name = "CONFIG", Value = creds }]));

        Assert.Contains("NATS credentials", Assert.Single(report.Of("SE002")).Message);
    }

    [Fact]
    public void Evaluate_PrivateKeyInSecret_IsError_UnlessGeneratedPerInstall()
    {
        var pem = FakePrivateKeyPem();
        var shipped = Secret("runner-tls", new Dictionary<string, string> { ["tls.key"] = pem, ["tls.crt"] = "cert" });
        var generated = Secret("runner-tls-generated", new Dictionary<string, string> { ["tls.key"] = pem },
            new Dictionary<string, string> { [PolicyAnnotations.Generated] = PolicyAnnotations.GeneratedPerInstall });

        var report = Evaluate(shipped, generated);

        var finding = Assert.Single(report.Of("SE003"));
        Assert.Equal("runner-tls", finding.Object.Name);
        Assert.Equal("stringData[\"tls.key\"]", finding.FieldPath);
        Assert.Contains($"{pem.Length} bytes", finding.Message);
        Assert.DoesNotContain("PRIVATE KEY-----", finding.Message + finding.Fix);
    }

    [Fact]
    public void Evaluate_PrivateKeyInSecretData_IsDecodedAndReported()
    {
        var secret = new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new V1ObjectMeta { Name = "ssh", NamespaceProperty = Ns },
            Data = new Dictionary<string, byte[]> { ["id_ed25519"] = System.Text.Encoding.UTF8.GetBytes(FakePrivateKeyPem("OPENSSH")) },
        };

        Assert.Equal("data.id_ed25519", Assert.Single(Evaluate(secret).Of("SE003")).FieldPath);
    }
}

public sealed class SecretPatternTests
{
    [Theory]
    [InlineData("DB_PASSWORD", true)]
    [InlineData("accessToken", true)]
    [InlineData("NATS_TOKEN", true)]
    [InlineData("apiKey", true)]
    [InlineData("client-secret", true)]
    [InlineData("credentials", true)]
    [InlineData("tokenizer", false)]
    [InlineData("secretName", false)]
    [InlineData("token_url", false)]
    [InlineData("PASSWORD_FILE", false)]
    [InlineData("log_level", false)]
    public void NameLooksLikeCredential_SeparatesCredentialsFromReferences(string name, bool expected)
    {
        Assert.Equal(expected, SecretRules.NameLooksLikeCredential(name));
    }

    [Fact]
    public void Evaluate_CredentialInsideConfigFile_ReportsLineAndKeyOnly()
    {
        const string Planted = "s3cr3t-planted-basic-auth";
        var config = $"""
            datasources:
            - name: prometheus
              url: http://prometheus:9090
              basicAuthUser: runner
              basicAuthPassword: "{Planted}"
              bearer_token_file: /var/run/secrets/token
              token: ${"{"}env:NATS_TOKEN{"}"}
            """;
        var report = PolicyFixtures.Evaluate(PolicyFixtures.ConfigMap("grafana-datasources", new Dictionary<string, string> { ["datasources.yaml"] = config }));

        var finding = Assert.Single(report.Of("SE001"));
        Assert.Equal("data[\"datasources.yaml\"]", finding.FieldPath);
        Assert.Contains("Line 5", finding.Message);
        Assert.Contains("'basicAuthPassword'", finding.Message);
        Assert.Contains($"({Planted.Length} characters)", finding.Message);
        Assert.DoesNotContain(Planted, finding.Message + finding.Fix);
    }
}
