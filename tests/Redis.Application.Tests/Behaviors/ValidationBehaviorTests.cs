using FluentValidation;
using Redis.Application.Behaviors;
using Redis.Application.Commands.Get;
using Redis.Application.Common;
using Redis.Application.Commands.Set;
using Redis.Application.Replies;
using Redis.Application.Tests.TestSupport;
using Redis.Protocol;

namespace Redis.Application.Tests.Behaviors;

public class ValidationBehaviorTests
{
    private static readonly Reply HandlerReply = Reply.Simple("FROM-HANDLER");

    private int _nextCalls;

    [Fact]
    public async Task ReturnsValidatorErrorWithoutCallingNextGivenInvalidCommand()
    {
        var behavior = new ValidationBehavior<SetCommand, Reply>([new SetCommandValidator()]);

        var reply = await behavior.Handle(new SetCommand("k"u8.ToArray(), "v"u8.ToArray(), Ex(0)), Next, CancellationToken.None);

        Assert.Equal("ERR invalid expire time in 'set' command", Binding.ErrorText(reply));
        Assert.Equal(0, _nextCalls);
    }

    [Fact]
    public async Task CallsNextAndReturnsItsReplyGivenValidCommand()
    {
        var behavior = new ValidationBehavior<SetCommand, Reply>([new SetCommandValidator()]);

        var reply = await behavior.Handle(new SetCommand("k"u8.ToArray(), "v"u8.ToArray(), Ex(10)), Next, CancellationToken.None);

        Assert.Equal(HandlerReply, reply);
        Assert.Equal(1, _nextCalls);
    }

    [Fact]
    public async Task CallsNextGivenCommandTypeWithoutValidator()
    {
        var behavior = new ValidationBehavior<GetCommand, Reply>([]);

        var reply = await behavior.Handle(
            new GetCommand("k"u8.ToArray()),
            (_, _) =>
            {
                _nextCalls++;
                return new ValueTask<Reply>(HandlerReply);
            },
            CancellationToken.None);

        Assert.Equal(HandlerReply, reply);
        Assert.Equal(1, _nextCalls);
    }

    [Fact]
    public async Task ReturnsOnlyTheFirstFailureGivenSeveralValidatorsFail()
    {
        var first = new InlineValidator<SetCommand>();
        first.RuleFor(c => c.Key).Must(_ => false).WithMessage("ERR first");
        var second = new InlineValidator<SetCommand>();
        second.RuleFor(c => c.Key).Must(_ => false).WithMessage("ERR second");
        var behavior = new ValidationBehavior<SetCommand, Reply>([first, second]);

        var reply = await behavior.Handle(new SetCommand("k"u8.ToArray(), "v"u8.ToArray(), Ex(10)), Next, CancellationToken.None);

        Assert.Equal("ERR first", Binding.ErrorText(reply));
        Assert.Equal(0, _nextCalls);
    }

    [Fact]
    public async Task SkipsTheValidatorsGivenACommandWithNothingToCheck()
    {
        var failing = new InlineValidator<SetCommand>();
        failing.RuleFor(c => c.Key).Must(_ => false).WithMessage("ERR never");
        var behavior = new ValidationBehavior<SetCommand, Reply>([failing]);

        var reply = await behavior.Handle(new SetCommand("k"u8.ToArray(), "v"u8.ToArray()), Next, CancellationToken.None);

        Assert.Equal(HandlerReply, reply);
        Assert.Equal(1, _nextCalls);
    }

    public static TheoryData<ExpiryKind> KindsWithoutTime() => [ExpiryKind.None, ExpiryKind.KeepTtl, ExpiryKind.Persist];

    /// <summary>The skip is safe only while <see cref="SetCommandValidator"/> passes every SET that has no time.</summary>
    [Theory]
    [MemberData(nameof(KindsWithoutTime))]
    public void SetCommandValidatorPassesEverySetItSkips(ExpiryKind kind)
    {
        foreach (var condition in Enum.GetValues<SetCondition>())
        {
            foreach (var value in new[] { long.MinValue, -1, 0, 1, long.MaxValue })
            {
                var command = new SetCommand("k"u8.ToArray(), "v"u8.ToArray(), Expiry: new ExpiryOption(kind, value), Condition: condition);

                Assert.False(command.HasRulesToCheck);
                Assert.True(new SetCommandValidator().Validate(command).IsValid);
            }
        }
    }

    private ValueTask<Reply> Next(SetCommand command, CancellationToken cancellationToken)
    {
        _nextCalls++;
        return new ValueTask<Reply>(HandlerReply);
    }

    private static ExpiryOption Ex(long seconds) => new(ExpiryKind.Seconds, seconds);
}
