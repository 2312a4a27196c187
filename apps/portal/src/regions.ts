/** Shanghai's city and 16 districts (GB/T 2260), to name the regions of bulletins' figures. */
const NAMES: Record<string, string> = {
  '310000': '上海市',
  '310101': '黄浦区',
  '310104': '徐汇区',
  '310105': '长宁区',
  '310106': '静安区',
  '310107': '普陀区',
  '310109': '虹口区',
  '310110': '杨浦区',
  '310112': '闵行区',
  '310113': '宝山区',
  '310114': '嘉定区',
  '310115': '浦东新区',
  '310116': '金山区',
  '310117': '松江区',
  '310118': '青浦区',
  '310120': '奉贤区',
  '310151': '崇明区',
};

/** The city and its districts, in code order, for choosing a region. */
export const CITY_AND_DISTRICTS: readonly [string, string][] = Object.entries(NAMES).sort(([a], [b]) => a.localeCompare(b));

/** The name of a city or district code; any other code as it is. */
export const regionNameOf = (code: string): string => NAMES[code] ?? code;
