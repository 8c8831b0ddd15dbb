using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>What the new and edit pages share: the form, the owners to choose from, errors on their fields.</summary>
public abstract class EventFormPage : HubPageModel
{
    [BindProperty]
    public EventForm Input { get; set; } = new();

    public IReadOnlyList<(string Value, string Label)> Owners { get; protected set; } = [];

    /// <summary>Every problem beside its field (the place fields can have two at once).</summary>
    protected void ShowError(Outcome outcome)
    {
        foreach (var (field, message) in outcome.All)
        {
            ModelState.AddModelError(field == "" ? "" : $"Input.{field}", message);
        }
    }
}
