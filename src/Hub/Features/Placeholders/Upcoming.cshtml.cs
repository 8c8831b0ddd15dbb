using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Microsolidarity.Hub.Features.Placeholders;

/// <summary>
/// An honest page for each capability that is not built yet, so the navigation leads somewhere.
/// When a feature lands, remove its name from the route of Upcoming.cshtml.
/// </summary>
public sealed class UpcomingModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Purpose { get; private set; } = "";

    public void OnGet(string section) => (Title, Purpose) = section switch
    {
        "congregations" => ("Congregations", "Communities of 15 to 150 people who gather once or twice a year so that crews can form."),
        "crews" => ("Crews", "Groups of three to six who meet regularly for peer support, as a time-bounded experiment."),
        "gatherings" => ("Gatherings", "Events at every scale: crew meetings, congregation gatherings, network calls, intensives and camps."),
        _ => ("Commons", "The network's common fund: contributions, spending proposals with advice, and every figure in the open."),
    };
}
