using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TimeVision.Web.Tests;

/// <summary>
/// A deployment without sign-in answers every API call 401 (the Functions app's <c>CallerAccess</c> in <c>closed</c>
/// mode, or in <c>platform</c> mode without the platform's sign-in); the page then says how to turn sign-in on. The
/// answers are put in place of serve's, as the Functions app gives them.
/// </summary>
public sealed class SignInNoticeTests(BrowserFixture browser, PageServer server) : PageTestBase(browser, server), IClassFixture<PageServer>
{
    [Theory]
    [InlineData("sign_in_not_configured")]
    [InlineData("platform_sign_in_off")]
    public async Task A_deployment_without_sign_in_shows_once_how_to_turn_it_on_in_either_language(string code)
    {
        await AnswerEveryApiCallAsync(code);

        await OpenAsync();

        var notice = Page.Locator("#sign-in-off");
        await Expect(notice).ToContainTextAsync("Přihlášení není nastaveno");
        await Expect(notice).ToContainTextAsync("azd env set AUTH_CLIENT_ID <client id>");
        await Page.SelectOptionAsync("#language", "en");
        await Expect(notice).ToContainTextAsync("Sign-in is not set up");
        await Expect(notice).ToContainTextAsync("src/docs/deploy.md (Sign-in)");
        await Expect(Page.Locator("#sign-in-off")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_caller_who_is_merely_not_signed_in_gets_no_such_notice()
    {
        await AnswerEveryApiCallAsync("sign_in_required");

        await OpenAsync();

        await Expect(Page.Locator(".list, .error").First).ToBeVisibleAsync();
        await Expect(Page.Locator("#sign-in-off")).ToHaveCountAsync(0);
    }

    private async Task AnswerEveryApiCallAsync(string code) =>
        await Page.RouteAsync("**/api/**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 401,
            ContentType = "application/json",
            Body = $$$"""{"error":{"code":"{{{code}}}","message":"Sign-in is off.","correlationId":"test"}}""",
        }));
}
