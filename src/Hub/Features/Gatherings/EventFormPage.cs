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

    protected void ShowError(Outcome outcome) =>
        ModelState.AddModelError(outcome.Field == "" ? "" : $"Input.{outcome.Field}", outcome.Message);
}
