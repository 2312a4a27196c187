/**
 * Writes the encoded event fixtures the contract test decodes: for every registered event type,
 * `fixtures/<context>/<EventName>.v<N>.bin` (protobuf binary) and `.json` (what it must decode to),
 * plus one envelope. Existing fixtures are NEVER overwritten: they are the record of what old
 * producers wrote, and later versions of the contracts must still decode them. Run it when a new
 * event type is added (it writes only the missing files):
 *
 *   npm run contracts:fixtures
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toJson, type MessageInitShape } from '@bufbuild/protobuf';
import {
  ActorRole,
  EVENT_TYPES,
  EventEnvelopeSchema,
  analytics,
  cases,
  catalog,
  common,
  contextOf,
  encodeEnvelope,
  encodeEvent,
  eventToJson,
  notifications,
  projects,
  schemaVersionOf,
  sealEnvelope,
  supervision,
  type EventInit,
  type EventType,
} from '../src';

const FIXTURES_DIR = join(__dirname, '..', 'fixtures');

const unit = 'unit-310101-scjgj'; // 黄浦区市场监督管理局
const caseId = '5b7f3c1e-2d4a-4f8e-9a61-0c3e5d7b9f21';
const itemId = '0d9c2b71-6a3e-4c55-8f0b-7e1a2c3d4e5f';
const applicant = { kind: common.ApplicantKind.ENTERPRISE, applicantId: '91310101MA1FPX1234' };

const definition: MessageInitShape<typeof catalog.CatalogItemDefinitionSchema> = {
  itemCode: '310101-SCJG-0012',
  name: '食品经营许可（仅销售预包装食品）',
  catalogKind: catalog.CatalogKind.ON_THE_SPOT,
  completionMode: catalog.CompletionMode.EARLY,
  statutoryLimitDays: 20,
  committedLimitDays: 7,
  approvalSteps: [common.ApprovalStep.HANDLE, common.ApprovalStep.DECIDE],
  requiredMaterials: [
    { materialId: 'M01', name: '食品经营许可申请书', copies: 1, originalRequired: true, replaceableByCommitment: false },
    { materialId: 'M02', name: '营业执照复印件', copies: 1, originalRequired: false, replaceableByCommitment: true },
  ],
  commitmentApprovalAllowed: true,
  advanceServiceKinds: [common.AdvanceServiceKind.TECHNICAL_CONSULTATION],
  legalBasis: '《中华人民共和国食品安全法》第三十五条',
  onlineApplication: true,
  holidayService: true,
};

/** The same item with the fields added to CatalogItemDefinition after the first fixtures. */
const definitionWithDetails: MessageInitShape<typeof catalog.CatalogItemDefinitionSchema> = {
  ...definition,
  implementationCode: '11310101MB2F0001XP3310101SCJG0012000',
  caseType: catalog.CaseType.COMMITMENT,
  approvalRoute: catalog.ApprovalRoute.NOTIFICATION_COMMITMENT,
  visitsRequired: 1,
  requiredMaterials: [
    {
      materialId: 'M01',
      name: '食品经营许可申请书',
      copies: 1,
      originalRequired: true,
      form: catalog.MaterialForm.PAPER_OR_ELECTRONIC,
      source: catalog.MaterialSource.APPLICANT,
    },
    {
      materialId: 'M02',
      name: '营业执照',
      copies: 1,
      form: catalog.MaterialForm.ELECTRONIC,
      source: catalog.MaterialSource.DATA_SHARING,
    },
  ],
  statutoryFees: [],
  advanceServiceApproaches: [projects.AdvanceServiceApproach.PRE_APPROVAL_GUIDANCE],
};

/** One plausible example of every event type; the compiler refuses a missing one. */
const SAMPLES: { [T in EventType]: EventInit<T> } = {
  'catalog.CatalogItemDrafted': {
    itemId,
    unitId: unit,
    level: common.AdministrativeLevel.DISTRICT,
    regionCode: '310101',
    definition,
  },
  'catalog.CatalogItemPublished': {
    itemId,
    batchId: 'a1b2c3d4-0000-4000-8000-000000000001',
    publishedOn: '2017-09-29',
    definition,
  },
  'catalog.CatalogItemChangeApproved': {
    itemId,
    changeRequestId: 'c0ffee00-1111-4222-8333-444455556666',
    approvalReference: '黄审改办〔2017〕12号',
    reason: '承诺时限由7个工作日压缩为5个工作日',
    definition: { ...definition, committedLimitDays: 5 },
    effectiveOn: '2017-11-01',
  },
  'catalog.CatalogItemWithdrawn': {
    itemId,
    approvalReference: '黄审改办〔2018〕3号',
    reason: '事项已取消（国务院决定取消的行政许可事项）',
    effectiveOn: '2018-03-01',
  },
  'catalog.CatalogBatchPublished': {
    batchId: 'a1b2c3d4-0000-4000-8000-000000000001',
    catalogKind: catalog.CatalogKind.ON_THE_SPOT,
    level: common.AdministrativeLevel.DISTRICT,
    regionCode: '310101',
    batchNumber: 1,
    title: '黄浦区第一批当场办结事项目录',
    itemIds: [itemId, '1e2f3a4b-5c6d-4e7f-8091-a2b3c4d5e6f7'],
    publishedOn: '2017-09-29',
  },
  'catalog.CatalogItemDraftAmended': {
    itemId,
    definition: definitionWithDetails,
  },
  'catalog.CatalogItemSubmitted': { itemId, unitId: unit },
  'catalog.CatalogItemApproved': { itemId, unitId: unit, note: '承诺时限压缩65%，同意列入第一批目录' },
  'catalog.CatalogItemRejected': { itemId, unitId: unit, reason: '申请材料未注明可通过数据共享获取的材料' },
  'catalog.CatalogItemRevised': {
    itemId,
    changeRequestId: 'c0ffee00-1111-4222-8333-444455556666',
    unitId: unit,
    level: common.AdministrativeLevel.DISTRICT,
    regionCode: '310101',
    revision: 2,
    definition: { ...definitionWithDetails, committedLimitDays: 5 },
    effectiveOn: '2017-11-01',
    revisedOn: '2017-10-20',
    approvalReference: '黄审改办〔2017〕12号',
    reason: '承诺时限由7个工作日压缩为5个工作日',
  },
  'catalog.CatalogItemChangeRequested': {
    itemId,
    changeRequestId: 'c0ffee00-1111-4222-8333-444455556666',
    unitId: unit,
    changeKind: catalog.ChangeKind.REVISION,
    reason: '承诺时限由7个工作日压缩为5个工作日',
    definition: { ...definitionWithDetails, committedLimitDays: 5 },
  },
  'catalog.CatalogItemChangeRejected': {
    itemId,
    changeRequestId: 'c0ffee00-1111-4222-8333-444455556667',
    reason: '取消事项须附国务院或市政府的取消决定',
  },
  'catalog.CatalogItemUnauthorizedChangeAttempted': {
    itemId,
    unitId: unit,
    regionCode: '310101',
    attemptedByUserId: 'user-2b9c',
    revision: 1,
    attemptedDefinition: { ...definitionWithDetails, committedLimitDays: 15 },
    level: common.AdministrativeLevel.DISTRICT,
  },
  'catalog.ServiceUnitRegistered': {
    unitId: unit,
    name: '黄浦区市场监督管理局',
    unitKind: catalog.ServiceUnitKind.GOVERNMENT_DEPARTMENT,
    level: common.AdministrativeLevel.DISTRICT,
    regionCode: '310101',
  },

  'cases.CaseReceived': {
    caseId,
    receiptVoucherNumber: 'SJ-310101-20171016-0042',
    itemId,
    unitId: unit,
    applicant,
    channel: cases.Channel.WINDOW,
    materialsReceived: [
      { materialId: 'M01', name: '食品经营许可申请书', copies: 1, replacedByCommitment: false },
      { materialId: 'M02', name: '营业执照复印件', copies: 0, replacedByCommitment: true },
    ],
    handlerBadge: 'HP-0317',
    receivedByBackup: true,
    commitmentSigned: true,
  },
  'cases.MaterialsSupplementRequested': {
    caseId,
    noticeNumber: 'BZ-310101-20171016-0007',
    missingMaterials: [
      { materialId: 'M03', name: '经营场所平面布局图', reason: '未提供' },
      { materialId: 'M01', name: '食品经营许可申请书', reason: '法定代表人未签字' },
    ],
    requestNumber: 1,
  },
  'cases.CaseAccepted': {
    caseId,
    noticeNumber: 'SL-310101-20171017-0042',
    acceptedOn: '2017-10-17',
    statutoryLimitDays: 20,
    committedLimitDays: 7,
    committedDeadline: '2017-10-26',
    statutoryDeadline: '2017-11-14',
  },
  'cases.CaseAcceptanceRefused': {
    caseId,
    noticeNumber: 'BSL-310101-20171017-0003',
    reason: '申请事项不属于本机关职权范围',
    legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项',
  },
  'cases.StepCompleted': {
    caseId,
    step: common.ApprovalStep.HANDLE,
    actorUserId: 'user-7f3e',
    actorBadge: 'HP-0317',
    opinion: '材料齐全，符合法定形式，建议准予许可',
    actedAsBackup: true,
  },
  'cases.CaseDecided': {
    caseId,
    decision: cases.Decision.APPROVED,
    reasons: ['申请材料齐全、符合法定形式', '经营场所符合食品安全要求'],
    legalBasis: '《中华人民共和国行政许可法》第三十八条第一款',
    workingDaysUsed: 4,
    decidedOnTheSpot: false,
  },
  'cases.DocumentIssued': {
    caseId,
    documentId: '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a',
    kind: cases.DocumentKind.APPROVAL,
    documentNumber: 'JY23101010012345',
    issuedOnTheSpot: false,
  },
  'cases.DocumentDelivered': {
    caseId,
    documentId: '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a',
    method: cases.DeliveryMethod.ELECTRONIC,
  },
  'cases.ClockSuspended': {
    caseId,
    reason: cases.SuspensionReason.TESTING,
    description: '送上海市食品药品检验所检测样品',
    applicantNotified: true,
  },
  'cases.ClockResumed': {
    caseId,
    suspendedWorkingDays: 3,
    committedDeadline: '2017-10-31',
    statutoryDeadline: '2017-11-17',
  },
  'cases.CaseOverdue': {
    caseId,
    unitId: unit,
    committedDeadline: '2017-10-31',
    pendingStep: common.ApprovalStep.DECIDE,
  },
  'cases.CaseApplicationAmended': {
    caseId,
    description: '申请经营项目由“预包装食品销售”变更为“热食类食品制售”',
    materialsReceived: [{ materialId: 'M03', name: '经营场所平面布局图', copies: 1, replacedByCommitment: false }],
  },
  'cases.CaseDeadlineApproaching': {
    caseId,
    unitId: unit,
    committedDeadline: '2017-10-26',
    workingDaysLeft: 2,
    pendingStep: common.ApprovalStep.REVIEW,
  },
  'cases.ForbiddenChargeRefused': {
    caseId,
    unitId: unit,
    charge: cases.ForbiddenCharge.EXPEDITE_FEE,
    description: '加急办理费200元',
    attemptedByUserId: 'user-7f3e',
  },
  'cases.CaseReassigned': {
    caseId,
    fromUserId: 'user-7f3e',
    toUserId: 'user-2a9c',
    reason: cases.ReassignmentReason.ABSENCE,
    note: 'user-7f3e 请假',
  },
  'cases.HandlerBackupNamed': { unitId: unit, handlerUserId: 'user-7f3e', backupUserId: 'user-2a9c' },
  'cases.CommitmentVerificationRequested': { caseId, unitId: unit, itemId, applicant, decidedOn: '2017-10-16' },
  'cases.DecisionRevoked': {
    caseId,
    reason: '事后核查发现申请人承诺的经营场所条件不实',
    findingId: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e',
  },
  'cases.AssistanceRequested': {
    caseId,
    requestId: 'c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f',
    fromUnitId: unit,
    toUnitId: 'unit-310115-ghj',
    question: '拟经营场所是否符合规划用途',
    limitDays: 5,
    dueOn: '2017-10-23',
  },
  'cases.AssistanceAnswered': {
    caseId,
    requestId: 'c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f',
    unitId: 'unit-310115-ghj',
    opinion: '符合规划用途',
    answeredByUserId: 'user-5b6c',
    answeredOn: '2017-10-19',
  },
  'cases.ConsultationRecorded': {
    consultationId: 'd3e4f5a6-b7c8-4d9e-8f1a-2b3c4d5e6f70',
    unitId: unit,
    itemId,
    topic: '食品经营许可需要哪些材料',
    answer: '申请书、营业执照、经营场所使用证明，可网上提交',
    applicantRef: '',
    answeredByUserId: 'user-7f3e',
    recordedOn: '2017-10-16',
  },
  'cases.OnlineApplicationSubmitted': {
    caseId,
    itemId,
    itemRevision: 1,
    unitId: unit,
    applicant,
    materialsSubmitted: [{ materialId: 'M01', name: '食品经营许可申请书', copies: 1, replacedByCommitment: false }],
    approvalSteps: [common.ApprovalStep.HANDLE, common.ApprovalStep.REVIEW, common.ApprovalStep.DECIDE],
    immediate: false,
    statutoryLimitDays: 20,
    committedLimitDays: 10,
    submittedOn: '2017-10-12',
  },
  'cases.OnlinePreReviewPassed': { caseId, reviewedByUserId: 'user-7f3e', reviewedOn: '2017-10-13' },

  'projects.ProjectListed': {
    projectId: '4c3b2a19-0817-4f6e-8d5c-4b3a29180716',
    name: '临港新片区智能制造产业基地一期',
    unitId: 'unit-310115-jw',
    level: common.AdministrativeLevel.DISTRICT,
    regionCode: '310115',
    owner: applicant,
    basis: projects.ProjectBasis.LAND_USE_APPROVAL,
    basisDocumentNumber: '沪浦建用地〔2017〕第0088号',
    target: projects.LandingTarget.START_OR_OPEN,
    listingYear: 2017,
    industrial: true,
  },
  'projects.MilestoneReached': {
    projectId: '4c3b2a19-0817-4f6e-8d5c-4b3a29180716',
    milestone: projects.Milestone.CONSTRUCTION_STARTED,
    reachedOn: '2017-11-20',
    evidenceDocumentNumber: '1702PD0123D01',
  },
  'projects.ProjectExcluded': {
    projectId: '4c3b2a19-0817-4f6e-8d5c-4b3a29180716',
    reason: projects.ExclusionReason.ENTERPRISE,
    explanation: '企业调整投资计划，申请延期至次年开工',
    approvalReference: '浦审改办〔2017〕45号',
  },
  'projects.ProjectYearClosed': {
    projectId: '4c3b2a19-0817-4f6e-8d5c-4b3a29180716',
    listingYear: 2017,
    outcome: projects.YearOutcome.LANDED,
    unitId: unit,
    regionCode: '310115',
    level: common.AdministrativeLevel.DISTRICT,
    target: projects.LandingTarget.START_OR_OPEN,
  },
  'projects.AdvanceServiceRequested': {
    requestId: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
    itemId: '2f3e4d5c-6b7a-4899-8a7b-6c5d4e3f2a1b',
    unitId: 'unit-310115-ghzy',
    applicant,
    projectId: '4c3b2a19-0817-4f6e-8d5c-4b3a29180716',
    approach: projects.AdvanceServiceApproach.ON_SITE,
    kinds: [common.AdvanceServiceKind.SITE_SURVEY, common.AdvanceServiceKind.TECHNICAL_CONSULTATION],
    subject: '厂房选址及工艺布局',
  },
  'projects.AdvanceServiceCompleted': {
    requestId: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
    completedOn: '2017-10-12',
    summary: '现场勘察完成，已就工艺布局和消防间距提出指导意见',
    issuesToAddress: ['危化品仓库与厂房间距不足', '需补充环评预审意见'],
  },

  'supervision.InspectionPlanned': {
    planId: '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a',
    title: '2017年第四季度当场办结事项双随机抽查',
    level: common.AdministrativeLevel.CITY,
    regionCode: '310000',
    targetListId: 'list-targets-2017q4',
    inspectorListId: 'list-inspectors-2017',
    targetCount: 30,
    inspectorsPerTarget: 2,
    method: supervision.InspectionMethod.UNDERCOVER,
    seedCommitment: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    drawOn: '2017-10-09',
  },
  'supervision.InspectionDrawn': {
    planId: '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a',
    seed: '74657374',
    inspections: [
      { inspectionId: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e', targetId: unit, inspectorIds: ['insp-012', 'insp-087'] },
      { inspectionId: 'c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f', targetId: 'unit-310104-rsj', inspectorIds: ['insp-033', 'insp-140'] },
    ],
  },
  'supervision.InspectionResultPublished': {
    inspectionId: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e',
    planId: '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a',
    targetId: unit,
    outcome: supervision.InspectionOutcome.NON_COMPLIANT,
    summary: '窗口未落实一次告知，1件办件两次要求补正材料',
    inspectedOn: '2017-10-20',
    publishedOn: '2017-11-03',
  },
  'supervision.FindingRaised': {
    findingId: 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f7a',
    source: supervision.FindingSource.INSPECTION,
    sourceId: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e',
    unitId: unit,
    caseId,
    category: supervision.FindingCategory.NOT_NOTIFIED_AT_ONCE,
    description: '同一办件分两次告知补正材料',
  },
  'supervision.RectificationOrdered': {
    findingId: 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f7a',
    unitId: unit,
    requiredActions: ['对窗口人员开展一次告知制度培训', '修订补正材料告知单模板'],
    dueOn: '2017-11-30',
  },
  'supervision.CommitmentVerificationConcluded': {
    verificationId: 'f6a7b8c9-d0e1-4f2a-8b3c-4d5e6f7a8b9c',
    caseId,
    unitId: unit,
    applicant,
    outcome: supervision.CommitmentVerificationOutcome.FALSE_COMMITMENT,
    summary: '现场核查发现经营场所与承诺不符',
    concludedOn: '2017-12-15',
  },
  'supervision.CaseRated': {
    ratingId: 'e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b',
    caseId,
    itemId,
    unitId: unit,
    applicant,
    grade: supervision.RatingGrade.DISSATISFIED,
    comment: '补正材料跑了两次',
  },
  'supervision.InspectionItemListed': {
    inspectionItemId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
    name: '食品经营许可事后监督检查',
    legalBasis: '《食品安全法》第一百一十条',
    inspectingUnitId: 'unit-310000-scjgj',
    targetKind: supervision.TargetKind.ENTERPRISE,
    proportionBasisPoints: 500,
    frequency: '每年不少于1次',
    method: supervision.InspectionMethod.OPEN,
    inspectorQualification: '食品安全执法证',
    regionCode: '310000',
  },
  'supervision.InspectionTargetRegistered': {
    targetId: '91310101MA1FPX1234',
    kind: supervision.TargetKind.ENTERPRISE,
    name: '上海某某餐饮管理有限公司',
    affiliatedUnitId: unit,
    regionCode: '310101',
  },
  'supervision.InspectorRegistered': {
    inspectorId: 'insp-012',
    unitId: 'unit-310104-scjgj',
    qualifications: ['食品安全执法证'],
    regionCode: '310104',
  },
  'supervision.InspectorConflictDeclared': { inspectorId: 'insp-012', targetId: '91310101MA1FPX1234', reason: '近亲属在该企业任职' },
  'supervision.InspectionListsFrozen': {
    planId: '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a',
    inspectionItemId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
    targets: [
      {
        targetId: '91310101MA1FPX1234',
        affiliatedUnitId: unit,
        stratum: supervision.DrawStratum.ELEVATED,
        creditClass: supervision.CreditClass.C,
        complaintCount: 1,
      },
    ],
    inspectors: [{ inspectorId: 'insp-012', unitId: 'unit-310104-scjgj', conflictingTargetIds: ['91310101MA1FPX9999'] }],
    proportionBasisPoints: 500,
    elevatedProportionBasisPoints: 1500,
    inspectorsPerTarget: 2,
    targetListDigest: '5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8',
    inspectorListDigest: '6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b',
    listsDigest: 'd4735e3a265e16eee03f59718b9b5d03019c07d8b6c51f90da3a666eec13ab35',
  },
  'supervision.InspectionPublicationLate': {
    inspectionId: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e',
    planId: '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a',
    inspectedOn: '2017-10-20',
    dueOn: '2017-11-17',
    publishedOn: '2017-11-21',
    workingDaysTaken: 22,
  },
  'supervision.RectificationAnswered': {
    findingId: 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f7a',
    unitId: unit,
    answer: '已对窗口人员开展一次告知培训并修订告知单',
    answeredOn: '2017-11-28',
    late: false,
  },
  'supervision.RectificationChecked': {
    findingId: 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f7a',
    accepted: false,
    note: '告知单模板未更新',
    checkedOn: '2017-12-01',
    newDueOn: '2017-12-15',
  },
  'supervision.RectificationClosed': { findingId: 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f7a', unitId: unit, closedOn: '2017-12-18' },
  'supervision.RectificationOverdue': { findingId: 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f7a', unitId: unit, dueOn: '2017-11-30' },
  'supervision.RectificationEscalated': {
    findingId: 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f7a',
    unitId: unit,
    reason: '逾期未整改',
    accountabilityProposal: '建议对窗口负责人进行约谈并通报批评',
    escalatedOn: '2017-12-20',
  },
  'supervision.CommitmentVerificationOpened': {
    verificationId: 'f6a7b8c9-d0e1-4f2a-8b3c-4d5e6f7a8b9c',
    caseId,
    unitId: unit,
    itemId,
    applicant,
    decidedOn: '2017-11-15',
    dueOn: '2017-12-13',
  },
  'supervision.CommitmentVerificationOverdue': {
    verificationId: 'f6a7b8c9-d0e1-4f2a-8b3c-4d5e6f7a8b9c',
    caseId,
    unitId: unit,
    dueOn: '2017-12-13',
  },
  'supervision.BadRatingReferred': {
    ratingId: 'e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b',
    caseId,
    unitId: unit,
    grade: supervision.RatingGrade.DISSATISFIED,
    answerDueOn: '2017-11-22',
  },
  'supervision.BadRatingAnswered': {
    ratingId: 'e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b',
    unitId: unit,
    justified: true,
    fix: '补正材料清单已合并为一次告知',
    answer: '经核实情况属实，已整改并致歉',
    answeredOn: '2017-11-20',
    late: false,
  },
  'supervision.BadRatingAnswerOverdue': { ratingId: 'e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b', unitId: unit, answerDueOn: '2017-11-22' },
  'supervision.ComplaintLodged': {
    complaintId: 'a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c0d',
    subjectId: unit,
    caseId,
    description: '窗口人员未佩戴工作牌',
    complainant: applicant,
    lodgedOn: '2017-11-10',
  },
  'supervision.ComplaintResolved': {
    complaintId: 'a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c0d',
    subjectId: unit,
    substantiated: true,
    note: '调取监控确认属实',
    findingId: 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f7a',
    resolvedOn: '2017-11-17',
  },
  'supervision.WindowInspectionRecorded': {
    windowInspectionId: 'c9d0e1f2-a3b4-4c5d-8e6f-7a8b9c0d1e2f',
    unitId: unit,
    method: supervision.InspectionMethod.UNDERCOVER,
    visitedOn: '2017-11-08',
    checks: [
      { check: supervision.WindowCheck.VOUCHER_GIVEN, passed: true, note: '' },
      { check: supervision.WindowCheck.BADGE_WORN, passed: false, note: '2号窗口未挂牌' },
    ],
    notes: '暗访2个窗口',
  },
  'supervision.CreditRecorded': {
    subjectId: applicant.applicantId,
    subjectKind: supervision.CreditSubjectKind.ENTERPRISE,
    recordId: 'b8c9d0e1-f2a3-4b4c-9d5e-6f7a8b9c0d1e',
    reason: supervision.CreditReason.FALSE_COMMITMENT,
    scoreDelta: -30,
    scoreAfter: 70,
    sourceId: 'f6a7b8c9-d0e1-4f2a-8b3c-4d5e6f7a8b9c',
    recordedOn: '2017-12-15',
  },
  'supervision.CreditClassChanged': {
    subjectId: applicant.applicantId,
    subjectKind: supervision.CreditSubjectKind.ENTERPRISE,
    fromClass: supervision.CreditClass.A,
    toClass: supervision.CreditClass.C,
    score: 70,
  },

  'notifications.DeliveryAttempted': {
    notificationId: 'f6a7b8c9-d0e1-4f2a-9b3c-4d5e6f7a8b9c',
    triggerEventId: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d',
    recipientId: '91310101MA1FPX1234',
    channel: notifications.NotificationChannel.SMS,
    templateId: 'case-supplement-requested',
    attemptNumber: 2,
    outcome: notifications.DeliveryOutcome.FAILED_RETRYING,
    failureReason: 'provider timeout after 5000 ms',
  },

  'analytics.BulletinPublished': {
    bulletinId: 'a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c0d',
    title: '2017年10月黄浦区“三个一批”改革推进情况通报',
    scope: { level: common.AdministrativeLevel.DISTRICT, regionCode: '310101' },
    period: { startOn: '2017-10-01', endOn: '2017-10-31' },
    eventRanges: [
      { topic: 'cases.events.v1', partition: 0, fromOffset: 0n, toOffset: 18_432n },
      { topic: 'cases.events.v1', partition: 1, fromOffset: 0n, toOffset: 17_905n },
      { topic: 'catalog.events.v1', partition: 0, fromOffset: 0n, toOffset: 2_118n },
    ],
    values: [
      { indicator: analytics.Indicator.ON_TIME_COMPLETION_RATE, unitId: unit, numerator: 1_187n, denominator: 1_203n },
      { indicator: analytics.Indicator.OVERDUE_CASES, unitId: '', numerator: 16n, denominator: 1n },
    ],
    digest: '2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae',
  },
};

function write(path: string, bin: Uint8Array, json: unknown): boolean {
  if (existsSync(`${path}.bin`) || existsSync(`${path}.json`)) return false;
  writeFileSync(`${path}.bin`, bin);
  writeFileSync(`${path}.json`, `${JSON.stringify(json, null, 2)}\n`);
  return true;
}

function main(): void {
  const written: string[] = [];
  for (const type of EVENT_TYPES) {
    const context = contextOf(type);
    const version = schemaVersionOf(type);
    const dir = join(FIXTURES_DIR, context);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${type.slice(context.length + 1)}.v${version}`);
    const data = SAMPLES[type] as EventInit<typeof type>;
    const sidecar = { type, schemaVersion: version, data: eventToJson(type, data) };
    if (write(path, encodeEvent(type, data), sidecar)) written.push(path);
  }

  // One envelope around a CaseReceived, with every metadata field set.
  const envelope = sealEnvelope('cases.CaseReceived', SAMPLES['cases.CaseReceived'], {
    eventId: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d',
    streamId: caseId,
    streamVersion: 1,
    sourcePosition: 1_048_576n,
    occurredAt: { seconds: 1_508_123_400n, nanos: 0 }, // 2017-10-16T03:10:00Z (11:10 in Shanghai)
    recordedAt: { seconds: 1_508_123_400n, nanos: 125_000_000 },
    correlationId: 'req-4f1c2a9e',
    causationId: 'cmd-receive-case-4f1c2a9e',
    actor: { userId: 'user-7f3e', role: ActorRole.CLERK, unitId: unit },
    regionCode: '310101',
    hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    previousHash: '5feceb66ffc86f38d952786c6d696c79c2dbc239dd4e91b46729d73a27fb57e9',
    sourceService: 'cases',
  });
  mkdirSync(join(FIXTURES_DIR, 'envelope'), { recursive: true });
  const envelopePath = join(FIXTURES_DIR, 'envelope', 'EventEnvelope.v1');
  if (write(envelopePath, encodeEnvelope(envelope), { data: toJson(EventEnvelopeSchema, envelope) })) {
    written.push(envelopePath);
  }

  console.log(written.length ? `wrote:\n  ${written.join('\n  ')}` : 'all fixtures exist; nothing written');
}

main();
