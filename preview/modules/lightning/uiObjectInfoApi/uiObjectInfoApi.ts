/** Preview stand-in for `lightning/uiObjectInfoApi`: the same adapters as uiRecordApi's. */
export {
  getObjectInfo,
  getObjectInfos,
  getPicklistValues,
  getPicklistValuesByRecordType
} from '../uiRecordApi/uiRecordApi';
