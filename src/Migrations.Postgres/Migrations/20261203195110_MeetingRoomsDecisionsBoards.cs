using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MeetingRoomsDecisionsBoards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CheckInPractice",
                table: "Dyads",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BoardCards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CrewId = table.Column<Guid>(type: "uuid", nullable: true),
                    WorkingGroupId = table.Column<Guid>(type: "uuid", nullable: true),
                    CongregationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Column = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AuthorUserId = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoardCards", x => x.Id);
                    table.CheckConstraint("CK_BoardCards_OneOwner", "(CASE WHEN \"CrewId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"WorkingGroupId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"CongregationId\" IS NULL THEN 0 ELSE 1 END) = 1");
                    table.ForeignKey(
                        name: "FK_BoardCards_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_BoardCards_Congregations_CongregationId",
                        column: x => x.CongregationId,
                        principalTable: "Congregations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BoardCards_Crews_CrewId",
                        column: x => x.CrewId,
                        principalTable: "Crews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BoardCards_WorkingGroups_WorkingGroupId",
                        column: x => x.WorkingGroupId,
                        principalTable: "WorkingGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CasePreparations",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    CrewId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Situation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Tried = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Question = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CasePreparations", x => x.MeetingId);
                    table.ForeignKey(
                        name: "FK_CasePreparations_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CasePreparations_CrewMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "CrewMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CrewPlans",
                columns: table => new
                {
                    CrewId = table.Column<Guid>(type: "uuid", nullable: false),
                    Steps = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AnyoneMoves = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrewPlans", x => x.CrewId);
                    table.ForeignKey(
                        name: "FK_CrewPlans_Crews_CrewId",
                        column: x => x.CrewId,
                        principalTable: "Crews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CongregationId = table.Column<Guid>(type: "uuid", nullable: true),
                    CrewId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ProposerUserId = table.Column<string>(type: "text", nullable: false),
                    Question = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Proposal = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Background = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Quorum = table.Column<int>(type: "integer", nullable: true),
                    Visibility = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    AmendedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Result = table.Column<int>(type: "integer", nullable: true),
                    ResultNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ResultByUserId = table.Column<string>(type: "text", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OutcomeAskedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Decisions_AspNetUsers_ProposerUserId",
                        column: x => x.ProposerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Decisions_AspNetUsers_ResultByUserId",
                        column: x => x.ResultByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Decisions_Congregations_CongregationId",
                        column: x => x.CongregationId,
                        principalTable: "Congregations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Decisions_Crews_CrewId",
                        column: x => x.CrewId,
                        principalTable: "Crews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingCommitments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    CrewId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    WrittenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingCommitments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingCommitments_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeetingCommitments_CrewMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "CrewMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingRooms",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    CrewId = table.Column<Guid>(type: "uuid", nullable: false),
                    Plan = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Step = table.Column<int>(type: "integer", nullable: false),
                    StepStartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingRooms", x => x.MeetingId);
                    table.ForeignKey(
                        name: "FK_MeetingRooms_CrewMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "CrewMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OwnCards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CrewId = table.Column<Guid>(type: "uuid", nullable: true),
                    CongregationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AuthorUserId = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnCards", x => x.Id);
                    table.CheckConstraint("CK_OwnCards_OneOwner", "(CASE WHEN \"CrewId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"CongregationId\" IS NULL THEN 0 ELSE 1 END) = 1");
                    table.ForeignKey(
                        name: "FK_OwnCards_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_OwnCards_Congregations_CongregationId",
                        column: x => x.CongregationId,
                        principalTable: "Congregations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OwnCards_Crews_CrewId",
                        column: x => x.CrewId,
                        principalTable: "Crews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionAmendments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Proposal = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AmendedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionAmendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionAmendments_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Response = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionAnswers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DecisionAnswers_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BoardCards_AuthorUserId",
                table: "BoardCards",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_BoardCards_CongregationId",
                table: "BoardCards",
                column: "CongregationId");

            migrationBuilder.CreateIndex(
                name: "IX_BoardCards_CrewId",
                table: "BoardCards",
                column: "CrewId");

            migrationBuilder.CreateIndex(
                name: "IX_BoardCards_WorkingGroupId",
                table: "BoardCards",
                column: "WorkingGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_CasePreparations_UserId",
                table: "CasePreparations",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionAmendments_DecisionId_Version",
                table: "DecisionAmendments",
                columns: new[] { "DecisionId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DecisionAnswers_DecisionId_UserId",
                table: "DecisionAnswers",
                columns: new[] { "DecisionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DecisionAnswers_UserId",
                table: "DecisionAnswers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_CongregationId_CreatedAt",
                table: "Decisions",
                columns: new[] { "CongregationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_CrewId_CreatedAt",
                table: "Decisions",
                columns: new[] { "CrewId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_ProposerUserId",
                table: "Decisions",
                column: "ProposerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Result_ClosesAt",
                table: "Decisions",
                columns: new[] { "Result", "ClosesAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_ResultByUserId",
                table: "Decisions",
                column: "ResultByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingCommitments_CrewId_UserId",
                table: "MeetingCommitments",
                columns: new[] { "CrewId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingCommitments_MeetingId_UserId_Position",
                table: "MeetingCommitments",
                columns: new[] { "MeetingId", "UserId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingCommitments_UserId",
                table: "MeetingCommitments",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_OwnCards_AuthorUserId",
                table: "OwnCards",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_OwnCards_CongregationId",
                table: "OwnCards",
                column: "CongregationId");

            migrationBuilder.CreateIndex(
                name: "IX_OwnCards_CrewId",
                table: "OwnCards",
                column: "CrewId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BoardCards");

            migrationBuilder.DropTable(
                name: "CasePreparations");

            migrationBuilder.DropTable(
                name: "CrewPlans");

            migrationBuilder.DropTable(
                name: "DecisionAmendments");

            migrationBuilder.DropTable(
                name: "DecisionAnswers");

            migrationBuilder.DropTable(
                name: "MeetingCommitments");

            migrationBuilder.DropTable(
                name: "MeetingRooms");

            migrationBuilder.DropTable(
                name: "OwnCards");

            migrationBuilder.DropTable(
                name: "Decisions");

            migrationBuilder.DropColumn(
                name: "CheckInPractice",
                table: "Dyads");
        }
    }
}
