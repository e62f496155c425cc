using System.Text;

namespace RunnerConsole.Model.Preview;

/// <summary>Files the browser downloads straight from a link (no JavaScript): the values file and the manifest bundle.</summary>
public static class Downloads
{
    public static string YamlDataUrl(string yaml) =>
        "data:application/yaml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(yaml));
}
