namespace Microsolidarity.Hub.Platform.Maps;

/// <summary>
/// What the shared place fields (Platform/Web/Shared/_PlaceFields.cshtml) show: a city list and the two
/// numbers, named <c>{Prefix}City</c>, <c>{Prefix}Latitude</c> and <c>{Prefix}Longitude</c> so a form
/// bound to a model ("Input.") and one bound to the page read them the same way.
/// </summary>
public sealed record PlaceFields(string Prefix, MapPlace.Input Values, Func<string, string?> ErrorFor, string CityHint)
{
    public string Name(string field) => Prefix + field;

    /// <summary>The element id: the name without dots, in lower case ("Input.City" is "input-city").</summary>
    public string Id(string field) => (Prefix + field).Replace('.', '-').ToLowerInvariant();

    public string? Error(string field) => ErrorFor(Prefix + field) ?? ErrorFor(field);
}
