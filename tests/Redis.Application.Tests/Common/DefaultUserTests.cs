using Redis.Application.Common;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Common;

public class DefaultUserTests
{
    [Fact]
    public void RequiresNoPasswordWhenRequirePassIsEmpty()
    {
        Assert.False(new DefaultUser(TestSettings.None).RequiresPassword);
        Assert.False(new DefaultUser(TestSettings.WithPassword(string.Empty)).RequiresPassword);
    }

    [Theory]
    [InlineData("secret", true)]
    [InlineData("secre", false)]
    [InlineData("secrets", false)]
    [InlineData("SECRET", false)]
    [InlineData("", false)]
    public void AcceptsExactlyTheConfiguredPassword(string candidate, bool accepted)
    {
        var user = new DefaultUser(TestSettings.WithPassword("secret"));

        Assert.True(user.RequiresPassword);
        Assert.Equal(accepted, user.Accepts("default"u8, Binding.Bytes(candidate)));
    }

    [Fact]
    public void ComparesThePasswordAsUtf8Bytes()
    {
        var user = new DefaultUser(TestSettings.WithPassword("pässwörd"));

        Assert.True(user.Accepts("default"u8, Binding.Bytes("pässwörd")));
        Assert.False(user.Accepts("default"u8, System.Text.Encoding.Latin1.GetBytes("pässwörd")));
    }

    [Fact]
    public void RefusesAnyOtherUserEvenWithTheRightPassword()
    {
        var user = new DefaultUser(TestSettings.WithPassword("secret"));

        Assert.False(user.Accepts("Default"u8, "secret"u8));
        Assert.False(user.Accepts("admin"u8, "secret"u8));
        Assert.False(user.Accepts(""u8, "secret"u8));
    }
}
