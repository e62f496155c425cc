using k8s.Models;
using static RunnerConsole.Core.Rendering.PodTemplates;

namespace RunnerConsole.Core.Rendering.Components;

/// <summary>
/// image-updater: replaces the old root CronJob running <c>kubectl set image</c>. A curl step (shell available) reads
/// the versions document, checks each tag's syntax and writes one strategic-merge patch per Deployment; kubectl
/// steps (no shell needed) apply them. Non-root, pinned images, a Role of deployments get/patch only.
/// </summary>
internal static class ImageUpdater
{
    private const string Name = RunnerComponents.ImageUpdater;
    private const string Role = "maintenance";

    public static IEnumerable<Manifest> Build(RenderScope s)
    {
        if (!s.ImageUpdaterEnabled)
        {
            yield break;
        }

        var values = s.Values.ImageUpdater;
        var serviceAccount = s.ServiceAccountName(Name, values.ServiceAccount);
        yield return Rbac.ServiceAccount(s, Name, Role, serviceAccount, automountToken: true);
        foreach (var rbac in Rbac.RoleAndBinding(s, Name, Role, serviceAccount, Rbac.Rule("apps", ["deployments"], "get", "patch")))
        {
            yield return rbac;
        }

        // The updater only moves tags: the repositories stay the ones this render chose (mirror included).
        var toolManagerRepo = Repository(s.Image(s.Values.ToolManager.Image, s.Version.Images.ToolManager));
        var sdkRepo = Repository(s.Image(s.Values.ToolManager.SdkServer.Image, s.Version.Images.SdkServer));
        var agentManagerRepo = Repository(s.Image(s.Values.AgentManager.Image, s.Version.Images.AgentManager));

        // The curl image is the one the catalog pins for the heartbeat; the updater values have no second image.
        var fetch = Container(s, "fetch-versions", s.Image(s.Values.Monitoring.Healthchecks.Image, s.Version.Images.Healthchecks), values.Resources);
        fetch.Command = ["/bin/sh", "-c", FetchScript];
        fetch.Env =
        [
            Env("VERSIONS_URL", values.VersionsUrl),
            Env("TOOL_MANAGER_REPO", toolManagerRepo),
            Env("SDK_REPO", sdkRepo),
            Env("AGENT_MANAGER_REPO", agentManagerRepo),
        ];
        fetch.VolumeMounts = [Mount("work", "/work", readOnly: false)];

        var kubectlImage = s.Image(values.Image, s.Version.Images.ImageUpdater);
        var pod = new V1PodSpec
        {
            ServiceAccountName = serviceAccount,
            AutomountServiceAccountToken = true,
            InitContainers = [fetch],
            Containers =
            [
                Patch(s, RunnerComponents.ToolManager, kubectlImage, values.Resources),
                Patch(s, RunnerComponents.AgentManager, kubectlImage, values.Resources),
            ],
            Volumes = [EmptyDir("work", "16Mi"), EmptyDir("tmp")],
        };
        yield return Workloads.CronJob(s, Name, Role, values.Schedule, Pod(s, Name, Role, values, pod), activeDeadlineSeconds: 600);
    }

    private static V1Container Patch(RenderScope s, string deployment, string image, Values.ResourcesValues resources)
    {
        var container = Container(s, $"patch-{deployment}", image, resources);
        container.Command = ["kubectl"];
        container.Args = ["patch", $"deployment/{deployment}", $"--namespace={s.Namespace}", "--type=strategic", $"--patch-file=/work/{deployment}.json"];
        container.Env = [Env("HOME", "/tmp")];
        container.VolumeMounts = [Mount("work", "/work"), Mount("tmp", "/tmp", readOnly: false)];
        return container;
    }

    private static string Repository(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        if (at > 0)
        {
            return image[..at];
        }

        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') ? image[..colon] : image;
    }

    // Tags are checked against the OCI tag grammar so the document cannot inject anything into the patch.
    // Backticks instead of $(...) because Kubernetes expands $(NAME) in commands itself.
    private const string FetchScript = """
        set -eu
        curl --fail --silent --show-error --max-time 30 --output /work/versions.json "$VERSIONS_URL"
        tag() { sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\([A-Za-z0-9_][A-Za-z0-9_.-]\{0,127\}\)\".*/\1/p" /work/versions.json | head -n 1; }
        tm=`tag tool-manager`; sdk=`tag sdk-py`; am=`tag agent-manager`
        if [ -z "$tm" ] || [ -z "$sdk" ] || [ -z "$am" ]; then echo "versions document lacks a valid tag for tool-manager, sdk-py or agent-manager" >&2; exit 1; fi
        printf '{"spec":{"template":{"spec":{"containers":[{"name":"tool-manager","image":"%s:%s"},{"name":"sdk-server","image":"%s:%s"}]}}}}' "$TOOL_MANAGER_REPO" "$tm" "$SDK_REPO" "$sdk" > /work/tool-manager.json
        printf '{"spec":{"template":{"spec":{"containers":[{"name":"agent-manager","image":"%s:%s"}]}}}}' "$AGENT_MANAGER_REPO" "$am" > /work/agent-manager.json
        """;
}
