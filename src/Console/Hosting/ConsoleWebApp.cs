using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using RunnerConsole.Auth;
using RunnerConsole.Components;
using RunnerConsole.Model.Clusters;
using RunnerConsole.Model.Operate;
using RunnerConsole.Model.Releases;
using RunnerConsole.Model.Preview;
using RunnerConsole.Model.Wizard;

namespace RunnerConsole.Hosting;

/// <summary>Composes the web console: services, sign-in, health endpoints and the Blazor app.</summary>
public static class ConsoleWebApp
{
    /// <summary>How long an idle HTTP/1.1 keep-alive connection stays open (the circuit's WebSocket is not affected).</summary>
    public static readonly TimeSpan IdleConnectionTimeout = TimeSpan.FromSeconds(10);

    public static WebApplication Create(string[] args, ConsoleWebAppSettings settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Keeps static web assets and content root stable whatever the entry assembly's file name.
            ApplicationName = typeof(ConsoleWebApp).Assembly.GetName().Name,
            ContentRootPath = ContentRoot(args),
        });

        ConfigureLogging(builder, settings.LogFormat ?? builder.Configuration["RUNNER_CONSOLE_LOG_FORMAT"]);
        if (settings.Urls is not null)
        {
            builder.WebHost.UseUrls(settings.Urls);
        }
        else if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            // Loopback only unless the operator says otherwise: the console holds cluster credentials.
            builder.WebHost.UseUrls(ConsoleWebAppSettings.DefaultUrls);
        }

        // After a page has loaded, a browser tab talks to the console over its circuit's one WebSocket; the extra
        // connections it opened for the page's scripts and styles (about seven) sit idle. Kestrel keeps those for
        // 130 s by default, each with its own connection state: close them after a short pause instead.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.KeepAliveTimeout = IdleConnectionTimeout);

        AddServices(builder.Services, builder.Configuration, settings);

        var app = builder.Build();
        MapEndpoints(app);
        if (settings.Sandbox)
        {
            // --sandbox: have the simulated cluster up before the first page asks for it.
            app.Lifetime.ApplicationStarted.Register(() => _ = app.Services.GetRequiredService<SandboxHost>().EnsureStartedAsync(CancellationToken.None));
        }

        return app;
    }

    /// <summary>
    /// The folder the console was installed in, not the caller's working directory: started from anywhere
    /// (<c>dotnet /opt/runner-console/runner-console.dll serve</c>), it must still find its settings and static web
    /// assets. An explicit <c>--contentRoot</c> or <c>ASPNETCORE_CONTENTROOT</c> (test hosts set one) wins.
    /// </summary>
    private static string? ContentRoot(string[] args)
    {
        var explicitRoot = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        return explicitRoot ? null : AppContext.BaseDirectory;
    }

    private static void ConfigureLogging(WebApplicationBuilder builder, string? format)
    {
        builder.Logging.ClearProviders();
        if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ");
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
                o.UseUtcTimestamp = true;
            });
        }
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration, ConsoleWebAppSettings settings)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(settings);
        services.AddSingleton(new KubeconfigLocation(settings.Kubeconfig));
        services.AddSingleton<SandboxHost>();
        services.AddSingleton<ClusterDirectory>();
        services.AddSingleton<IClusterDirectory>(sp => sp.GetRequiredService<ClusterDirectory>());
        AddOperate(services);

        services.AddOptions<AccessTokenOptions>()
            .Configure(o =>
            {
                o.OperatorToken = configuration[AccessTokenOptions.OperatorTokenVariable];
                o.ViewerToken = configuration[AccessTokenOptions.ViewerTokenVariable];
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccessTokenOptions>, AccessTokenOptionsValidator>();
        services.AddSingleton<AccessTokens>();
        services.AddHostedService<SignInUrlAnnouncer>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/signin";
                o.AccessDeniedPath = "/signin";
                o.Cookie.Name = "runner-console";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(ConsoleRoles.OperatorPolicy, p => p.RequireRole(ConsoleRoles.Operator));
        services.AddCascadingAuthenticationState();
        services.AddAntiforgery();
        services.AddHealthChecks()
            .AddCheck<StartedHealthCheck>("started", tags: ["ready"]);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();

        // The install wizard: one view model per circuit, so navigating away and back keeps the form. The renderer and
        // its registry key pairs are one per console, so circuits showing equal inputs share one preview.
        services.AddSingleton<PreviewRegistryTls>();
        services.AddSingleton<IPreviewRenderer, CorePreviewRenderer>();
        services.AddSingleton<SharedPreviews>();
        services.AddScoped<PreviewModel>();
        services.AddScoped<InstallWizardModel>();
        services.AddScoped<IWizardStateStore, SessionWizardStateStore>();
    }

    /// <summary>Diff before apply, background operations, releases (wt-ui2).</summary>
    private static void AddOperate(IServiceCollection services)
    {
        services.AddSingleton<ClusterSessions>();
        services.AddSingleton<ReleaseRequests>();
        services.AddSingleton(OperationDefaults.Standard);
        services.AddSingleton<OperationRunner>();
        services.AddScoped<PendingChange>();
        services.AddTransient<PlanModel>();
        services.AddTransient<ProgressModel>();
        services.AddTransient<ReleasesModel>();
        services.AddTransient<ReleaseDetailModel>();
    }

    private static void MapEndpoints(WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapStaticAssets().AllowAnonymous();
        app.MapSignOut();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
