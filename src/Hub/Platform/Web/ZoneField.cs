namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// What Shared/_ZoneField.cshtml needs to draw one time-zone field: the same searchable list of IANA
/// zones everywhere (profile, sign-up, crews, gatherings, finding a time).
/// </summary>
/// <param name="Name">The form field's name, e.g. "Input.TimeZone".</param>
/// <param name="FillFromBrowser">When empty, the script fills in the browser's zone (sign-up, new events).</param>
public sealed record ZoneField(string Name, string? Value, string? Error, string Hint,
    string Id = "zone", string? Label = null, bool FillFromBrowser = false);
