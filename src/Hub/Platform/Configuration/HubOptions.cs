using System.ComponentModel.DataAnnotations;

namespace Microsolidarity.Hub.Platform.Configuration;

/// <summary>Settings under <c>Hub:</c>.</summary>
public sealed class HubOptions
{
    public const string Section = "Hub";

    /// <summary>Folder for the SQLite file, mail pickup and uploads; relative to the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Seed the demo community on first start (<c>--no-demo</c> turns it off).</summary>
    public bool SeedDemo { get; set; } = true;

    /// <summary>The first administrator, created with a generated password on first start.</summary>
    [Required, EmailAddress]
    public string AdminEmail { get; set; } = "host@hub.example";

    /// <summary>
    /// The address people reach the hub at, for links in emails (e.g. https://hub.example.org).
    /// Empty: the address the server listens on (never a request's Host header), with a warning at start.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>Name shown in the header and in emails.</summary>
    [Required, StringLength(80)]
    public string Name { get; set; } = "Microsolidarity Hub";

    public string DataDirectoryFullPath => Path.GetFullPath(DataDirectory);
}
