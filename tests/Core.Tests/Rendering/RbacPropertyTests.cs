using k8s.Models;
using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Core.Values;

namespace RunnerConsole.Core.Tests.Rendering;

/// <summary>Least privilege: namespaced objects, one account per component, exactly the facts' verbs, no wildcards, no spare tokens.</summary>
public sealed class RbacPropertyTests
{
    private const string ServiceAccountTokenPath = "/var/run/secrets/kubernetes.io/serviceaccount";

    public static TheoryData<string> Variants => RenderFixture.Variants;

    [Theory]
    [MemberData(nameof(Variants))]
    public void Render_AnyVariant_NamespacedObjectsAreInTargetNamespace(string variant)
    {
        var set = RenderFixture.Render(RenderFixture.Variant(variant));

        foreach (var m in set.Where(m => m.Kind is not ("ClusterRole" or "ClusterRoleBinding")))
        {
            Assert.True(m.Namespace == RenderFixture.Namespace, $"{m.Key} is not in namespace {RenderFixture.Namespace}");
        }

        foreach (var binding in set.OfType<V1RoleBinding>())
        {
            Assert.All(binding.Subjects, s => Assert.Equal(RenderFixture.Namespace, s.NamespaceProperty));
        }
    }

    [Fact]
    public void Render_DefaultClusterAccess_RendersNothingClusterScoped()
    {
        var set = RenderFixture.Render(RenderFixture.Default);

        Assert.Equal(ClusterAccess.None, RenderFixture.Default.ToolManager.ClusterAccess);
        Assert.DoesNotContain(set, m => m.Kind is "ClusterRole" or "ClusterRoleBinding");
    }

    [Fact]
    public void Render_ClusterAccessPersistentVolumes_BindsOnlyToolManagerToPvClusterRole()
    {
        var values = RenderFixture.Default with { ToolManager = RenderFixture.Default.ToolManager with { ClusterAccess = ClusterAccess.PersistentVolumes } };
        var set = RenderFixture.Render(values);

        var role = Assert.Single(set.OfType<V1ClusterRole>());
        var binding = Assert.Single(set.OfType<V1ClusterRoleBinding>());
        Assert.Equal(role.Metadata.Name, binding.RoleRef.Name);
        Assert.Equal($"{RenderFixture.Release}-tool-manager", Assert.Single(binding.Subjects).Name);
        Assert.Equal(["persistentvolumes", "storageclasses"], role.Rules.SelectMany(r => r.Resources).Order());
    }

    [Fact]
    public void Render_ClusterAccessAdmin_BindsClusterAdminWithoutOwnClusterRole()
    {
        var set = RenderFixture.Render(RenderFixture.Variant("cluster-admin"));

        Assert.Empty(set.OfType<V1ClusterRole>());
        Assert.Equal("cluster-admin", Assert.Single(set.OfType<V1ClusterRoleBinding>()).RoleRef.Name);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Render_AnyVariant_NoWildcardInRules(string variant)
    {
        var set = RenderFixture.Render(RenderFixture.Variant(variant));
        var rules = set.OfType<V1Role>().SelectMany(r => r.Rules).Concat(set.OfType<V1ClusterRole>().SelectMany(r => r.Rules ?? []));

        foreach (var rule in rules)
        {
            Assert.DoesNotContain("*", rule.Verbs);
            Assert.DoesNotContain("*", rule.Resources ?? []);
            Assert.DoesNotContain("*", rule.ApiGroups ?? []);
        }
    }

    [Fact]
    public void Render_FullRunner_RolesGrantExactlyTheVerbsOfTheFacts()
    {
        var set = RenderFixture.Render(RenderFixture.Full);
        var rw = "get,list,watch,create,update,delete";
        var expected = new Dictionary<string, string[]>
        {
            ["kubiya-operator"] = ["/pods:get,list,watch", "/services:get,list,watch", "apps/deployments:get,list,watch,update,patch"],
            ["agent-manager"] = ["/pods:get,list"],
            ["tool-manager"] =
            [
                $"/configmaps:{rw}", $"/persistentvolumeclaims:{rw}", $"/pods:{rw}", $"/secrets:{rw}", $"/services:{rw}",
                $"apps/deployments:{rw}", $"batch/jobs:{rw}",
            ],
            ["image-updater"] = ["apps/deployments:get,patch"],
            ["otel-collector"] = ["/endpoints:get,list,watch", "/pods:get,list,watch", "/services:get,list,watch", "apps/replicasets:get,list,watch"],
            ["kube-state-metrics"] = ["/pods:list,watch", "apps/deployments:list,watch", "batch/cronjobs:list,watch", "batch/jobs:list,watch"],
            ["healthchecks"] = ["apps/deployments:get,list,watch"],
        };

        var actual = set.OfType<V1Role>().ToDictionary(
            r => r.Metadata.Labels["app.kubernetes.io/name"],
            r => r.Rules.SelectMany(rule => rule.ApiGroups.SelectMany(g => rule.Resources.Select(res => $"{g}/{res}:{string.Join(',', rule.Verbs)}"))).Order().ToArray());

        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (component, grants) in expected)
        {
            Assert.Equal(grants.Order(), actual[component]);
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Render_AnyVariant_EveryPodHasItsOwnReleaseDerivedServiceAccount(string variant)
    {
        var set = RenderFixture.Render(RenderFixture.Variant(variant));
        var pods = set.Pods().ToList();
        var accounts = set.OfType<V1ServiceAccount>().Select(a => a.Metadata.Name).ToHashSet();

        Assert.Equal(pods.Count, pods.Select(p => p.Spec.ServiceAccountName).Distinct().Count());
        foreach (var pod in pods)
        {
            Assert.Contains(pod.Spec.ServiceAccountName, accounts);
            Assert.StartsWith(RenderFixture.Release + "-", pod.Spec.ServiceAccountName, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_OtherReleaseName_DerivesOtherServiceAccountNames()
    {
        var values = RenderFixture.Full;
        var set = RunnerRenderer.Render(values, RunnerCatalog.Default.Latest, "blue", "team-a", new RenderContext(new TestSecretMaterial()));

        Assert.All(set.Pods(), p => Assert.StartsWith("blue-", p.Spec.ServiceAccountName, StringComparison.Ordinal));
        Assert.All(set.OfType<V1ServiceAccount>(), a => Assert.StartsWith("blue-", a.Metadata.Name, StringComparison.Ordinal));
        Assert.All(set.OfType<V1RoleBinding>().SelectMany(b => b.Subjects), s => Assert.StartsWith("blue-", s.Name, StringComparison.Ordinal));
        Assert.All(set, m => Assert.Equal("blue", m.Object.Metadata.Labels["app.kubernetes.io/instance"]));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Render_AnyVariant_OnlyPodsWithARoleGetAToken(string variant)
    {
        var set = RenderFixture.Render(RenderFixture.Variant(variant));
        var bound = set.OfType<V1RoleBinding>().SelectMany(b => b.Subjects).Select(s => s.Name)
            .Concat(set.OfType<V1ClusterRoleBinding>().SelectMany(b => b.Subjects).Select(s => s.Name))
            .ToHashSet();

        foreach (var pod in set.Pods())
        {
            var callsApi = bound.Contains(pod.Spec.ServiceAccountName);
            Assert.True(pod.Spec.AutomountServiceAccountToken == callsApi,
                $"{pod.Owner.Key}: automountServiceAccountToken is {pod.Spec.AutomountServiceAccountToken}, its account has {(callsApi ? "a" : "no")} role");
            var account = set.Single<V1ServiceAccount>(pod.Spec.ServiceAccountName);
            Assert.Equal(callsApi, account.AutomountServiceAccountToken);
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Render_AnyVariant_NoManuallyMountedServiceAccountToken(string variant)
    {
        var set = RenderFixture.Render(RenderFixture.Variant(variant));

        foreach (var pod in set.Pods())
        {
            Assert.DoesNotContain(pod.Spec.Volumes ?? [], v => v.Projected?.Sources?.Any(s => s.ServiceAccountToken is not null) == true);
            foreach (var container in pod.AllContainers)
            {
                Assert.DoesNotContain(container.VolumeMounts ?? [], m => m.MountPath.StartsWith(ServiceAccountTokenPath, StringComparison.Ordinal));
            }
        }
    }
}
