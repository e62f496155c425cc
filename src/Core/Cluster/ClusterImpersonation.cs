namespace RunnerConsole.Core.Cluster;

/// <summary>
/// A kubeconfig user's <c>as</c>, <c>as-groups</c> and <c>as-user-extra</c>: kubectl asks the API server to act as that
/// identity on every request (<c>Impersonate-*</c> headers). KubernetesClient reads these fields into its model and
/// sends nothing, so every request would run as the base user instead; <see cref="HandlersFor"/> sends them. As in
/// client-go, only over TLS (over plain <c>http</c> no user settings are sent at all, see <see cref="ServerTrust"/>).
/// </summary>
public sealed record ClusterImpersonation(string? User, IReadOnlyList<string> Groups, IReadOnlyDictionary<string, string> Extra)
{
    /// <summary>What the user of <paramref name="context"/> (default: the current context) impersonates; null for nothing.</summary>
    public static ClusterImpersonation? Of(Kubeconfig kubeconfig, string? context)
    {
        ArgumentNullException.ThrowIfNull(kubeconfig);
        var userName = kubeconfig.UserOf(context);
        var user = kubeconfig.Config.Users?.FirstOrDefault(u => u.Name == userName)?.UserCredentials;
        var groups = user?.ImpersonateGroups?.Where(g => !string.IsNullOrEmpty(g)).ToList() ?? [];
        var extra = user?.ImpersonateUserExtra ?? [];
        if (groups.Count > 1)
        {
            // .NET's HTTP stack writes repeated header values as one comma-joined field, which the API server would read
            // as a single group named "a, b": refusing is better than acting as an identity nobody configured.
            throw new k8s.Exceptions.KubeConfigException(
                $"user '{userName}': as-groups names {groups.Count} groups; this client can ask for one only (its HTTP stack joins repeated headers into one, "
                + $"which the API server would read as the single group '{string.Join(", ", groups)}')");
        }

        return user is null || (string.IsNullOrEmpty(user.Impersonate) && groups.Count == 0 && extra.Count == 0)
            ? null
            : new ClusterImpersonation(string.IsNullOrEmpty(user.Impersonate) ? null : user.Impersonate, groups, extra);
    }

    /// <summary>For a connection to <paramref name="server"/>: a handler sending the headers, or none over plain http.</summary>
    public DelegatingHandler[] HandlersFor(Uri server) => server.Scheme == Uri.UriSchemeHttps ? [new Sender(this)] : [];

    private sealed class Sender(ClusterImpersonation identity) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (identity.User is { } user)
            {
                request.Headers.TryAddWithoutValidation("Impersonate-User", user);
            }

            foreach (var group in identity.Groups)
            {
                request.Headers.TryAddWithoutValidation("Impersonate-Group", group);
            }

            foreach (var (key, value) in identity.Extra)
            {
                // The key is part of a header name: escaped as the API server unescapes it.
                request.Headers.TryAddWithoutValidation("Impersonate-Extra-" + Uri.EscapeDataString(key), value);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
