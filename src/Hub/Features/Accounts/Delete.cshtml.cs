using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Accounts;

[Authorize]
public sealed class DeleteAccountModel(UserManager<HubUser> users, SignInManager<HubUser> signIn, DeleteAccount delete, IStringLocalizer<Strings> strings) : HubPageModel
{
    public IReadOnlyList<(string Section, IReadOnlyList<string> Items)> WhatGoes { get; private set; } = [];

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty]
    public bool Understood { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var person = (await users.GetUserAsync(User))!;
        WhatGoes = await delete.DescribeAsync(person, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var person = (await users.GetUserAsync(User))!;
        var result = await delete.RunAsync(person, Password, Understood, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(result.Field, result.Message);
            WhatGoes = await delete.DescribeAsync(person, cancellationToken);
            return Page();
        }
        await signIn.SignOutAsync();
        TempData["Farewell"] = strings["Accounts.Delete.Farewell"].Value;
        return Redirect("/");
    }
}
