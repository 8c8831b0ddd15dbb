using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Crews.Agreements;

/// <summary>A crew's agreements: its members read, write and accept them; to anyone else the page does not exist.</summary>
[Authorize]
public sealed class CrewAgreementsModel(CrewAccess access, HubDbContext db, ProposeAgreement propose, AcceptAgreement accept, IStringLocalizer<Strings> strings)
    : AgreementsPageModel(db, propose, accept, strings)
{
    public CrewView View { get; private set; } = null!;
    public override string BackUrl => $"/crews/{View.Crew.Id}";
    public override string GroupName => View.Crew.Name;

    protected override async Task<bool> LoadGroupAsync(Guid id)
    {
        if (await access.LoadAsync(id, User, HttpContext.RequestAborted) is not { } view)
        {
            return false;
        }
        View = view;
        Group = AgreementGroup.Of(view);
        return true;
    }
}
