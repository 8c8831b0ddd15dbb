using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OffersResponsibilitiesAndConcerns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AgreementsAcceptedAt",
                table: "Memberships",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsCareContact",
                table: "Memberships",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "AgreementsPublishedAt",
                table: "Congregations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConcernAcknowledgeDays",
                table: "Congregations",
                type: "integer",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.CreateTable(
                name: "Concerns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CongregationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RaisedByUserId = table.Column<string>(type: "text", nullable: true),
                    AboutUserId = table.Column<string>(type: "text", nullable: true),
                    AboutCrewId = table.Column<Guid>(type: "uuid", nullable: true),
                    ToAdministrators = table.Column<bool>(type: "boolean", nullable: false),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AcknowledgeBy = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedByUserId = table.Column<string>(type: "text", nullable: true),
                    ReminderSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedByUserId = table.Column<string>(type: "text", nullable: true),
                    ClosingNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Concerns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Concerns_AspNetUsers_AboutUserId",
                        column: x => x.AboutUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Concerns_AspNetUsers_AcknowledgedByUserId",
                        column: x => x.AcknowledgedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Concerns_AspNetUsers_ClosedByUserId",
                        column: x => x.ClosedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Concerns_AspNetUsers_RaisedByUserId",
                        column: x => x.RaisedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Concerns_Congregations_CongregationId",
                        column: x => x.CongregationId,
                        principalTable: "Congregations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Concerns_Crews_AboutCrewId",
                        column: x => x.AboutCrewId,
                        principalTable: "Crews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CongregationAgreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CongregationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CongregationAgreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CongregationAgreements_Congregations_CongregationId",
                        column: x => x.CongregationId,
                        principalTable: "Congregations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OfferPosts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    CongregationId = table.Column<Guid>(type: "uuid", nullable: true),
                    PosterUserId = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: false),
                    Details = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Skills = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Place = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Online = table.Column<bool>(type: "boolean", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfferPosts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OfferPosts_AspNetUsers_PosterUserId",
                        column: x => x.PosterUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OfferPosts_Congregations_CongregationId",
                        column: x => x.CongregationId,
                        principalTable: "Congregations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Responsibilities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CongregationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewNoticeFor = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Responsibilities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Responsibilities_Congregations_CongregationId",
                        column: x => x.CongregationId,
                        principalTable: "Congregations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConcernSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConcernId = table.Column<Guid>(type: "uuid", nullable: false),
                    ByUserId = table.Column<string>(type: "text", nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConcernSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConcernSteps_AspNetUsers_ByUserId",
                        column: x => x.ByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ConcernSteps_Concerns_ConcernId",
                        column: x => x.ConcernId,
                        principalTable: "Concerns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OfferAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PostId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromUserId = table.Column<string>(type: "text", nullable: false),
                    Message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ShareEmail = table.Column<bool>(type: "boolean", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfferAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OfferAnswers_AspNetUsers_FromUserId",
                        column: x => x.FromUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OfferAnswers_OfferPosts_PostId",
                        column: x => x.PostId,
                        principalTable: "OfferPosts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResponsibilityHolders",
                columns: table => new
                {
                    ResponsibilityId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Since = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponsibilityHolders", x => new { x.ResponsibilityId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ResponsibilityHolders_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ResponsibilityHolders_Responsibilities_ResponsibilityId",
                        column: x => x.ResponsibilityId,
                        principalTable: "Responsibilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResponsibilityOffers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResponsibilityId = table.Column<Guid>(type: "uuid", nullable: false),
                    CongregationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    OfferedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    HandOverFromUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponsibilityOffers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResponsibilityOffers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ResponsibilityOffers_Responsibilities_ResponsibilityId",
                        column: x => x.ResponsibilityId,
                        principalTable: "Responsibilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Concerns_AboutCrewId",
                table: "Concerns",
                column: "AboutCrewId");

            migrationBuilder.CreateIndex(
                name: "IX_Concerns_AboutUserId",
                table: "Concerns",
                column: "AboutUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Concerns_AcknowledgedAt_ReminderSentAt_AcknowledgeBy",
                table: "Concerns",
                columns: new[] { "AcknowledgedAt", "ReminderSentAt", "AcknowledgeBy" });

            migrationBuilder.CreateIndex(
                name: "IX_Concerns_AcknowledgedByUserId",
                table: "Concerns",
                column: "AcknowledgedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Concerns_ClosedByUserId",
                table: "Concerns",
                column: "ClosedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Concerns_CongregationId_CreatedAt",
                table: "Concerns",
                columns: new[] { "CongregationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Concerns_RaisedByUserId",
                table: "Concerns",
                column: "RaisedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ConcernSteps_ByUserId",
                table: "ConcernSteps",
                column: "ByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ConcernSteps_ConcernId_At",
                table: "ConcernSteps",
                columns: new[] { "ConcernId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CongregationAgreements_CongregationId_PublishedAt",
                table: "CongregationAgreements",
                columns: new[] { "CongregationId", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OfferAnswers_FromUserId",
                table: "OfferAnswers",
                column: "FromUserId");

            migrationBuilder.CreateIndex(
                name: "IX_OfferAnswers_PostId_SentAt",
                table: "OfferAnswers",
                columns: new[] { "PostId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OfferPosts_CongregationId_ExpiresAt",
                table: "OfferPosts",
                columns: new[] { "CongregationId", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OfferPosts_PosterUserId",
                table: "OfferPosts",
                column: "PosterUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Responsibilities_CongregationId_RetiredAt",
                table: "Responsibilities",
                columns: new[] { "CongregationId", "RetiredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Responsibilities_ReviewOn",
                table: "Responsibilities",
                column: "ReviewOn");

            migrationBuilder.CreateIndex(
                name: "IX_ResponsibilityHolders_UserId",
                table: "ResponsibilityHolders",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ResponsibilityOffers_CongregationId_Status",
                table: "ResponsibilityOffers",
                columns: new[] { "CongregationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ResponsibilityOffers_ResponsibilityId",
                table: "ResponsibilityOffers",
                column: "ResponsibilityId");

            migrationBuilder.CreateIndex(
                name: "IX_ResponsibilityOffers_UserId",
                table: "ResponsibilityOffers",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConcernSteps");

            migrationBuilder.DropTable(
                name: "CongregationAgreements");

            migrationBuilder.DropTable(
                name: "OfferAnswers");

            migrationBuilder.DropTable(
                name: "ResponsibilityHolders");

            migrationBuilder.DropTable(
                name: "ResponsibilityOffers");

            migrationBuilder.DropTable(
                name: "Concerns");

            migrationBuilder.DropTable(
                name: "OfferPosts");

            migrationBuilder.DropTable(
                name: "Responsibilities");

            migrationBuilder.DropColumn(
                name: "AgreementsAcceptedAt",
                table: "Memberships");

            migrationBuilder.DropColumn(
                name: "IsCareContact",
                table: "Memberships");

            migrationBuilder.DropColumn(
                name: "AgreementsPublishedAt",
                table: "Congregations");

            migrationBuilder.DropColumn(
                name: "ConcernAcknowledgeDays",
                table: "Congregations");
        }
    }
}
