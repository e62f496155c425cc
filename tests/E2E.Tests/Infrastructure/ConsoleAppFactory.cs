using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RunnerConsole.Auth;
using RunnerConsole.Core.Values;
using RunnerConsole.Hosting;
using RunnerConsole.Model.Operate;

namespace RunnerConsole.E2E.Tests.Infrastructure;

/// <summary>The real console, hosted in-process on a free loopback port, with known sign-in tokens.</summary>
public sealed class ConsoleAppFactory : WebApplicationFactory<Program>
{
    public const string OperatorToken = "e2e-operator-token-0123456789";
    public const string ViewerToken = "e2e-viewer-token-9876543210";

    private readonly string _kubeconfigDir = Directory.CreateTempSubdirectory("e2e-kubeconfig-").FullName;
    private readonly Action<IServiceCollection>? _configure;

    /// <param name="configure">Service overrides for one test class (e.g. shorter operation timeouts).</param>
    public ConsoleAppFactory(Action<IServiceCollection>? configure = null)
    {
        _configure = configure;
        this.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    public string KubeconfigPath => Path.Combine(_kubeconfigDir, "config");

    /// <summary>Base address of the started server, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("RUNNER_CONSOLE_TOKEN", OperatorToken);
        builder.UseSetting("RUNNER_CONSOLE_VIEWER_TOKEN", ViewerToken);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(new Hosting.KubeconfigLocation(KubeconfigPath));
            _configure?.Invoke(services);
        });
    }

    /// <summary>
    /// Installs revision 1 of <paramref name="release"/> into the built-in sandbox through the console's own
    /// <see cref="OperationRunner"/>, as the install wizard's plan does, and waits until it has succeeded.
    /// </summary>
    public async Task InstallAsync(string ns, string release, RunnerValues values)
    {
        var setup = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "setup"), new Claim(ClaimTypes.Role, ConsoleRoles.Operator)], "test"));
        var install = Services.GetRequiredService<OperationRunner>().Start(setup,
            new OperationStart(new ProposedChange(ChangeKind.Install, SandboxHost.ContextName, ns, release) { Values = values }));
        await install.Completion.WaitAsync(TimeSpan.FromSeconds(180), TestContext.Current.CancellationToken);
        Assert.True(install.State == OperationState.Succeeded, install.Result?.Message ?? install.FailureMessage);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_kubeconfigDir, recursive: true);
    }
}
