namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>The <c>Handbook</c> settings of the import: where it may read from, and how often the re-sync looks.</summary>
public sealed class HandbookOptions
{
    public const string Section = "Handbook";

    /// <summary>How often the re-sync looks at its next-due time; the time itself is in the database.</summary>
    public int ResyncCheckSeconds { get; set; } = 60;

    /// <summary>
    /// Folders of this server that the admin page may import from (each with everything under it). Empty,
    /// the default, lets the admin page import only from git URLs; the command line, run by someone who
    /// can read the server's files anyway, may import any folder but the data folder.
    /// </summary>
    public List<string> AllowedFolders { get; set; } = [];

    /// <summary>
    /// Lets a git URL reach this machine and its private network (loopback, link-local and private
    /// addresses), over plain http:// or as a file:// path: for a git server on your own network, and tests.
    /// </summary>
    public bool AllowPrivateGitHosts { get; set; }

    /// <summary>Lets a git URL be ssh:// (with the server's own ssh keys); https:// otherwise.</summary>
    public bool AllowSshGitUrls { get; set; }
}
