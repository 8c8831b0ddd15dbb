using System.ComponentModel.DataAnnotations;
using Microsolidarity.Hub.Platform.Background;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>The <c>Handbook</c> settings of the import: where it may read from, and how often the re-sync looks.</summary>
public sealed class HandbookOptions
{
    public const string Section = "Handbook";

    /// <summary>How often the re-sync looks at its next-due time; the time itself is in the database.</summary>
    [Range(typeof(TimeSpan), PeriodicJob.ShortestInterval, PeriodicJob.LongestInterval,
        ErrorMessage = "Handbook:ResyncCheckInterval (or the older Handbook:ResyncCheckSeconds)" + PeriodicJob.IntervalRule)]
    public TimeSpan ResyncCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

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

    /// <summary>
    /// Lets an import download the images that pages show from other sites, so readers load them from the hub
    /// (only from public internet addresses, PNG, JPEG, GIF or WebP). Off, the default, leaves each as a link and
    /// lists it in the import's report.
    /// </summary>
    public bool DownloadRemoteImages { get; set; }

    /// <summary>Lets those downloads reach this machine and its private network: for an image server on your own network, and tests.</summary>
    public bool AllowPrivateImageHosts { get; set; }

    /// <summary>The largest image an import downloads (10 MB by default).</summary>
    public long MaxRemoteImageBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// How long after an import the PDF of the new handbook starts printing in the background, so the first
    /// download is immediate; a few seconds, so a burst of imports prints once. Negative turns it off (then the
    /// first download after a change prints it, and says so while it does).
    /// </summary>
    public int PreparePdfAfterSeconds { get; set; } = 5;

    /// <summary>
    /// The language the handbook is written in, as a language tag ("en", "es", "pt-PT"): the pages carry it as their
    /// lang inside the reader's page, and the EPUB and the printable book declare it.
    /// </summary>
    public string Language { get; set; } = "en";
}
