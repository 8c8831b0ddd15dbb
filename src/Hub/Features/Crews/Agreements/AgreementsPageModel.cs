using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Crews.Agreements;

/// <summary>
/// The agreements page of a crew or a dyad: the version in force with who accepted it, a proposed change with who
/// has accepted it so far, and a form to write or change them. A subclass loads its group (404 outside it).
/// </summary>
public abstract class AgreementsPageModel(HubDbContext db, ProposeAgreement propose, AcceptAgreement accept, IStringLocalizer<Strings> strings) : HubPageModel
{
    /// <summary>The page's words, for the subclasses too.</summary>
    protected IStringLocalizer<Strings> Words => strings;

    public AgreementGroup Group { get; protected set; } = null!;
    public IReadOnlyList<Agreement> Versions { get; private set; } = [];
    public Agreement? InForce => Versions.FirstOrDefault(a => a.State == AgreementState.InForce);
    public Agreement? Proposed => Versions.FirstOrDefault(a => a.State == AgreementState.Proposed);

    /// <summary>Where the group's own page is, for the way back.</summary>
    public abstract string BackUrl { get; }
    public abstract string GroupName { get; }

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public Guid AgreementId { get; set; }

    /// <summary>The text the form starts from: what was typed, else the proposal or the agreements in force, else the template.</summary>
    public string Draft => Text ?? Proposed?.Text ?? InForce?.Text ?? (Group.IsDyad ? AgreementTemplates.Dyad(strings) : AgreementTemplates.Crew(strings));

    protected abstract Task<bool> LoadGroupAsync(Guid id);

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadGroupAsync(id) ? await ShowAsync() : NotFound();

    public async Task<IActionResult> OnPostProposeAsync(Guid id) => await LoadGroupAsync(id)
        ? await AfterAsync(await propose.RunAsync(Group, Text ?? "", Note ?? "", HttpContext.RequestAborted),
            Group.Members.Count == 1 ? strings["Crews.Agreements.InForce.Notice"] : strings["Crews.Agreements.Proposed.Notice"], ShowAsync)
        : NotFound();

    public async Task<IActionResult> OnPostAcceptAsync(Guid id) => await LoadGroupAsync(id)
        ? await AfterAsync(await accept.RunAsync(Group, AgreementId, HttpContext.RequestAborted), strings["Crews.Agreements.Accepted.Notice"], ShowAsync)
        : NotFound();

    private async Task<IActionResult> ShowAsync()
    {
        Versions = await Group.LoadAsync(db, HttpContext.RequestAborted);
        return Page();
    }
}
