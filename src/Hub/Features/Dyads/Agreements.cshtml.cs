using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Dyads;
using Microsolidarity.Hub.Features.Crews.Agreements;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Dyads;

/// <summary>
/// A dyad's agreements, the crews' way made lighter: a short draft, both accept. For the two people alone (404 to
/// anyone else); once the pair has ended they stay to read.
/// </summary>
[Authorize]
public sealed class DyadAgreementsModel(DyadAccess access, HubDbContext db, ProposeAgreement propose, AcceptAgreement accept, IStringLocalizer<Strings> strings)
    : AgreementsPageModel(db, propose, accept, strings)
{
    public DyadView View { get; private set; } = null!;
    public override string BackUrl => $"/dyads/{View.Dyad.Id}";
    public override string GroupName => Words["Dyads.AndName", View.ProposerName, View.PartnerName];

    protected override async Task<bool> LoadGroupAsync(Guid id)
    {
        if (await access.LoadAsync(id, User, HttpContext.RequestAborted) is not { } view)
        {
            return false;
        }
        View = view;
        var d = view.Dyad;
        Group = new AgreementGroup(null, d.Id, view.Me, d.Status == DyadStatus.Active,
            [new(d.ProposerUserId, view.ProposerName), new(d.PartnerUserId, view.PartnerName)])
        {
            Ended = d.Status is DyadStatus.Ended or DyadStatus.Declined,
        };
        return true;
    }
}
