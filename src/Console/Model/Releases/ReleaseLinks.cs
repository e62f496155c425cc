namespace RunnerConsole.Model.Releases;

/// <summary>Addresses of the release pages.</summary>
public static class ReleaseLinks
{
    public const string List = "/releases";

    public static string Detail(string context, string @namespace, string name) =>
        $"/releases/{Uri.EscapeDataString(context)}/{Uri.EscapeDataString(@namespace)}/{Uri.EscapeDataString(name)}";

    public static string Operation(string id) => $"/operations/{Uri.EscapeDataString(id)}";
}
