using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RunnerConsole.Model.Operate;
using RunnerConsole.Model.Releases;

namespace RunnerConsole.Console.Tests.Operate;

/// <summary>A bUnit context signed in with <c>role</c> whose operate services are the sandbox fixture's.</summary>
public static class OperateTestContext
{
    public static BunitContext Create(OperateSandbox sandbox, string role)
    {
        var context = TestConsoleContext.Create();
        context.Services.AddLogging();
        context.Services.AddSingleton(TimeProvider.System);
        context.Services.AddSingleton(sandbox.Get<ClusterSessions>());
        context.Services.AddSingleton(sandbox.Get<ReleaseRequests>());
        context.Services.AddSingleton(sandbox.Runner);
        context.Services.AddScoped<PendingChange>();
        context.Services.AddTransient<PlanModel>();
        context.Services.AddTransient<ProgressModel>();
        context.Services.AddTransient<ReleasesModel>();
        context.Services.AddTransient<ReleaseDetailModel>();
        var auth = context.AddAuthorization();
        auth.SetAuthorized(role);
        auth.SetRoles(role);
        context.Render<MudPopoverProvider>();
        return context;
    }

    public static PendingChange Pending(BunitContext context) => context.Services.GetRequiredService<PendingChange>();

    /// <summary>The one button whose text is <paramref name="name"/>.</summary>
    public static AngleSharp.Dom.IElement Button(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page, string name) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == name);

    /// <summary>Long enough for a plan or list read against the sandbox on a busy machine.</summary>
    public static TimeSpan Patience { get; } = TimeSpan.FromSeconds(60);
}
