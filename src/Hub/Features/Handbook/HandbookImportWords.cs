using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// An import's stage, outcome and trigger in the reader's words. The import stores them as English (the command line
/// prints them, and the row is written by a job with no reader): the admin page says them again in its reader's
/// language, and a stage it does not know as written.
/// </summary>
public static partial class HandbookImportWords
{
    public static string Stage(string stage, IStringLocalizer strings)
    {
        if (Fetching().Match(stage) is { Success: true } fetching)
        {
            return strings["Handbook.Stage.Fetching", fetching.Groups[1].Value];
        }
        if (Downloading().Match(stage) is { Success: true } downloading
            && int.TryParse(downloading.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var images))
        {
            return strings.Plural("Handbook.Stage.Downloading", images);
        }
        var key = stage switch
        {
            "Waiting to start" => "Handbook.Stage.Waiting",
            "Starting" => "Handbook.Stage.Starting",
            "Reading files" => "Handbook.Stage.Reading",
            "Rendering pages" => "Handbook.Stage.Rendering",
            "Saving" => "Handbook.Stage.Saving",
            "Indexing" => "Handbook.Stage.Indexing",
            "Copying files" => "Handbook.Stage.Copying",
            _ => null,
        };
        return key is null ? stage : strings[key];
    }

    /// <summary>The outcome <see cref="ReadImportStatus.Outcome"/> names, in the reader's words.</summary>
    public static string Outcome(HandbookImport import, IStringLocalizer strings) => strings[ReadImportStatus.Outcome(import) switch
    {
        "Running" => "Handbook.Outcome.Running",
        "Cancelled" => "Handbook.Outcome.Cancelled",
        "Interrupted" => "Handbook.Outcome.Interrupted",
        "Stopped: needs confirmation" => "Handbook.Outcome.NeedsConfirmation",
        "Imported" => "Handbook.Outcome.Imported",
        _ => "Handbook.Outcome.Failed",
    }];

    /// <summary>Who started an import ("the schedule"), for the sentence "started at … by …".</summary>
    public static string StartedBy(string trigger, IStringLocalizer strings) => strings[trigger switch
    {
        "schedule" => "Handbook.By.Schedule",
        "command" => "Handbook.By.Command",
        "first start" => "Handbook.By.FirstStart",
        _ => "Handbook.By.Admin",
    }];

    /// <summary>Who started an import, for the history's column.</summary>
    public static string Trigger(string trigger, IStringLocalizer strings) => strings[trigger switch
    {
        "schedule" => "Handbook.Trigger.Schedule",
        "command" => "Handbook.Trigger.Command",
        "first start" => "Handbook.Trigger.FirstStart",
        _ => "Handbook.Trigger.Admin",
    }];

    [GeneratedRegex("^Fetching (.+) with git$", RegexOptions.Singleline)]
    private static partial Regex Fetching();

    [GeneratedRegex(@"^Downloading (\d+) images from other sites$")]
    private static partial Regex Downloading();
}
