using k8s.Models;
using static RunnerConsole.Core.Rendering.PodTemplates;

namespace RunnerConsole.Core.Rendering.Components;

/// <summary>
/// healthchecks.io dead-man's switch: a CronJob whose first step waits for every runner Deployment to be Available
/// and fails otherwise; only then does the second step ping the check URL. A missing ping raises the alarm even
/// when the monitoring itself is down.
/// </summary>
internal static class Healthchecks
{
    private const string Name = RunnerComponents.Healthchecks;
    private const string Role = "monitoring";

    public static IEnumerable<Manifest> Build(RenderScope s, IReadOnlyList<string> deployments)
    {
        if (!s.HealthchecksEnabled)
        {
            yield break;
        }

        var values = s.Values.Monitoring.Healthchecks;
        var serviceAccount = s.ServiceAccountName(Name, values.ServiceAccount);
        yield return Rbac.ServiceAccount(s, Name, Role, serviceAccount, automountToken: true);
        foreach (var rbac in Rbac.RoleAndBinding(s, Name, Role, serviceAccount, Rbac.Rule("apps", ["deployments"], "get", "list", "watch")))
        {
            yield return rbac;
        }

        var wait = Container(s, "wait-for-runner", s.Image(values.KubectlImage, s.Version.Images.HealthchecksKubectl), values.Resources);
        wait.Command = ["kubectl"];
        wait.Args =
        [
            "wait",
            "--for=condition=Available",
            "--timeout=60s",
            $"--namespace={s.Namespace}",
            .. deployments.Select(d => $"deployment/{d}"),
        ];
        wait.Env = [Env("HOME", "/tmp")];
        wait.VolumeMounts = [Mount("tmp", "/tmp", readOnly: false)];

        var ping = Container(s, "ping", s.Image(values.Image, s.Version.Images.Healthchecks), values.Resources);
        ping.Command = ["curl"];
        ping.Args = ["--fail", "--silent", "--show-error", "--max-time", "10", "--retry", "3", values.PingUrl];

        var pod = new V1PodSpec
        {
            ServiceAccountName = serviceAccount,
            AutomountServiceAccountToken = true,
            InitContainers = [wait],
            Containers = [ping],
            Volumes = [EmptyDir("tmp")],
        };
        yield return Workloads.CronJob(s, Name, Role, values.Schedule, Pod(s, Name, Role, values, pod), activeDeadlineSeconds: 180);
    }
}
