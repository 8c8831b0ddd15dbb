namespace Microsolidarity.Hub.Features.Practices;

/// <summary>The five scales of the practice, smallest first.</summary>
public enum Scale
{
    Self,
    Dyad,
    Crew,
    Congregation,
    Network,
}

/// <summary>Where a practice shown in the library was written.</summary>
public enum PracticeSource
{
    /// <summary>A file in the repository (Features/Practices/Library), reviewed like code.</summary>
    File,

    /// <summary>Written by this hub's administrators: replaces a file practice with the same slug.</summary>
    Hub,

    /// <summary>Written by a congregation's hosts, shown on that congregation's list.</summary>
    Congregation,
}

public sealed record PracticeRole(string Name, string Does);

/// <summary>One step: how long it takes, what happens, and the words the host may use to open it.</summary>
public sealed record PracticeStep(string Title, int Minutes, string What, string HostSays);

/// <summary>
/// One practice of the library, parsed from Markdown with YAML front matter (<see cref="PracticeText"/>):
/// what it is for, the scales it suits, its time (the sum of its steps' minutes), roles, steps, prompts,
/// variations, and notes for meeting online and in a room.
/// </summary>
public sealed record Practice(
    string Slug,
    string Title,
    string Summary,
    string Purpose,
    IReadOnlyList<Scale> Scales,
    int Minutes,
    string TimedFor,
    string Origin,
    IReadOnlyList<PracticeRole> Roles,
    IReadOnlyList<PracticeStep> Steps,
    IReadOnlyList<string> Prompts,
    IReadOnlyList<string> Variations,
    string Online,
    string InPerson,
    string NotesHtml,
    PracticeSource Source = PracticeSource.File,
    string SourceText = "")
{
    public static string ScaleName(Scale scale) => scale switch
    {
        Scale.Self => "Self",
        Scale.Dyad => "Dyad",
        Scale.Crew => "Crew",
        Scale.Congregation => "Congregation",
        Scale.Network => "Network",
        _ => scale.ToString(),
    };

    /// <summary>"15 min", "1 h 30 min".</summary>
    /// <summary>A scale's name in the page's language.</summary>
    public static string ScaleName(Scale scale, Microsoft.Extensions.Localization.IStringLocalizer strings) => strings[$"Practices.Scale.{scale}"];

    /// <summary>"45 min", "1 h 30 min" in the page's language.</summary>
    public static string Duration(int minutes, Microsoft.Extensions.Localization.IStringLocalizer strings) => minutes < 60 ? strings["Duration.Minutes", minutes]
        : minutes % 60 == 0 ? strings["Duration.Hours", minutes / 60] : strings["Duration.HoursMinutes", minutes / 60, minutes % 60];

    /// <summary>Only the person themselves takes part: the steps speak to them, not to a host.</summary>
    public bool IsForOneself => Scales.Count == 1 && Scales[0] == Scale.Self;
}
