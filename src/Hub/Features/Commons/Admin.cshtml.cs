using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.People;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>Hub administrators name the commons' treasurers, administrators and veto holder.</summary>
[Authorize(Roles = HubRoles.Admin)]
public sealed class CommonsAdminModel(HubDbContext db, NameCommonsRole name, ReleaseCommonsRole release, PeopleToPick people, IStringLocalizer<Strings> strings) : HubPageModel
{
    public sealed record Holder(Guid Id, string Name, string Email, CommonsRoleKind Role);

    public IReadOnlyList<Holder> Holders { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Commons.Admin.EmailRequired")]
    public string? Email { get; set; }

    [BindProperty]
    public CommonsRoleKind Role { get; set; } = CommonsRoleKind.Treasurer;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The administrator's fellow members, to pick by name.</summary>
    public IReadOnlyList<PeopleToPick.Person> People { get; private set; } = [];

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Holders = [.. (await db.CommonsRoles.Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new Holder(r.Id, u.DisplayName, u.Email!, r.Role)).ToListAsync(cancellationToken))
            .OrderBy(h => h.Role).ThenBy(h => h.Name, StringComparer.CurrentCulture)];
        People = await people.ListAsync(User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken: cancellationToken);
    }

    public async Task<IActionResult> OnPostNameAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var choice = await people.ResolveAsync(me, Email, cancellationToken);
        var email = choice is null ? null : await people.EmailOfAsync(choice, cancellationToken);
        var outcome = email is null ? Outcome.Refused(PeopleToPick.Refusal(strings, Email), "Email") : await name.RunAsync(me, email, Role, cancellationToken);
        return await AfterAsync(outcome with { Field = outcome.Field == "" ? "" : "Email" }, strings["Commons.Admin.Named", RoleName(Role, strings)], async () => { await LoadAsync(cancellationToken); return Page(); }, "/admin/commons");
    }

    public async Task<IActionResult> OnPostReleaseAsync(Guid roleId, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await AfterAsync(await release.RunAsync(roleId, cancellationToken), strings["Commons.Admin.Released"], async () => { await LoadAsync(cancellationToken); return Page(); }, "/admin/commons");
    }

    public static string RoleName(CommonsRoleKind role, IStringLocalizer strings) => strings[role switch
    {
        CommonsRoleKind.Treasurer => "Commons.Role.Treasurer",
        CommonsRoleKind.Administrator => "Commons.Role.Administrator",
        _ => "Commons.Role.VetoHolder",
    }];
}
